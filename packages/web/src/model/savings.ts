/** Milliseconds in an hour. */
const HOUR_MS = 3_600_000;

/**
 * Money saved against running the same fleet all on-demand, integrated over world time
 * from readings of the two hourly rates (each rate holds until the next reading).
 */
export class SavingsMeter {
  private last: { at: number; savedPerHour: number } | undefined;
  private saved = 0;

  /** At world time `at` the fleet costs `costPerHour` against `onDemandPerHour`. */
  observe(at: number, costPerHour: number, onDemandPerHour: number): void {
    const t = Math.max(at, this.last?.at ?? at);
    if (this.last) this.saved += (this.last.savedPerHour * (t - this.last.at)) / HOUR_MS;
    this.last = { at: t, savedPerHour: Math.max(0, onDemandPerHour - costPerHour) };
  }

  /** Dollars saved from the first reading to world time `at`. */
  savedUntil(at: number): number {
    if (!this.last) return 0;
    return this.saved + (this.last.savedPerHour * Math.max(0, at - this.last.at)) / HOUR_MS;
  }
}
