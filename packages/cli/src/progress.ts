/**
 * A progress bar on stderr for long runs: it appears only after `delayMs` (so short runs
 * print nothing) and only on a terminal, redrawn at most every 100 ms.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly delayMs = 1000,
  ) {}

  /** Reports progress as a fraction 0…1. */
  update(fraction: number): void {
    const now = Date.now();
    if (!this.stream.isTTY || now - this.started < this.delayMs || now - this.lastDraw < 100)
      return;
    this.lastDraw = now;
    this.shown = true;
    const width = 30;
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    const elapsed = (now - this.started) / 1000;
    const eta = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : 0;
    this.stream.write(
      `\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}%  ${elapsed.toFixed(0)}s elapsed, ~${eta.toFixed(0)}s left `,
    );
  }

  /** Clears the bar. */
  done(): void {
    if (this.shown) this.stream.write(`\r${' '.repeat(80)}\r`);
  }
}
