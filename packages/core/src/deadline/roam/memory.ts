import { RunTracker } from './run-ages.js';

/**
 * Everything a policy has seen of the spot market, tick by tick: per zone and for the
 * union of the zones (spot somewhere), the availability series (the history before the
 * job, then each observed tick) and the current run of each.
 */
export class MarketMemory {
  private readonly series: Uint8Array[];
  private length: number;
  /** The current run of each zone. */
  readonly runs: RunTracker[];
  /** The current run of the union: spot in some zone. */
  readonly unionRun = new RunTracker();

  /**
   * Starts from `past` (per zone, oldest first; the zones' histories are aligned on
   * their newest tick), with room for `capacity` more ticks before growing.
   */
  constructor(past: readonly ArrayLike<number>[], zones: number, capacity: number) {
    const known = Math.min(...Array.from({ length: zones }, (_, z) => past[z]?.length ?? 0));
    this.length = Number.isFinite(known) ? known : 0;
    this.series = Array.from({ length: zones + 1 }, () => new Uint8Array(this.length + capacity));
    this.runs = Array.from({ length: zones }, () => new RunTracker());
    for (let z = 0; z < zones; z++) {
      const history = past[z] ?? [];
      const offset = history.length - this.length;
      const target = this.series[z] as Uint8Array;
      for (let t = 0; t < this.length; t++) target[t] = history[offset + t] === 1 ? 1 : 0;
    }
    const union = this.series[zones] as Uint8Array;
    for (let t = 0; t < this.length; t++) {
      let any = 0;
      for (let z = 0; z < zones; z++) any |= (this.series[z] as Uint8Array)[t] as number;
      union[t] = any;
      for (let z = 0; z < zones; z++)
        (this.runs[z] as RunTracker).push((this.series[z] as Uint8Array)[t] as number);
      this.unionRun.push(any);
    }
  }

  /** Ticks seen so far. */
  get ticks(): number {
    return this.length;
  }

  /** Number of zones. */
  get zones(): number {
    return this.runs.length;
  }

  /** Records one observed tick. */
  push(available: readonly boolean[]): void {
    if (this.length === (this.series[0] as Uint8Array).length) this.grow();
    let any = 0;
    this.runs.forEach((run, z) => {
      const value = available[z] === true ? 1 : 0;
      (this.series[z] as Uint8Array)[this.length] = value;
      run.push(value);
      any |= value;
    });
    (this.series[this.runs.length] as Uint8Array)[this.length] = any;
    this.unionRun.push(any);
    this.length++;
  }

  /** What zone `z` showed so far (a view). */
  zone(z: number): Uint8Array {
    return (this.series[z] as Uint8Array).subarray(0, this.length);
  }

  /** What the union showed so far (a view). */
  union(): Uint8Array {
    return (this.series[this.runs.length] as Uint8Array).subarray(0, this.length);
  }

  private grow(): void {
    this.series.forEach((s, i) => {
      const bigger = new Uint8Array(Math.max(16, 2 * s.length));
      bigger.set(s);
      this.series[i] = bigger;
    });
  }
}
