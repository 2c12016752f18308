import type { DeadlineJob, SpotWindow } from '../../src/index.js';

/** A tick of 10 minutes, ms. */
export const TICK = 600_000;
/** An hour, ms. */
export const HOUR = 3_600_000;

/** A job: `work` and `deadline` in hours, restart in hours, on-demand at $3/h, 10-minute ticks. */
export function job(work: number, deadline: number, restart = 0.2): DeadlineJob {
  return {
    workMs: work * HOUR,
    deadlineMs: deadline * HOUR,
    restartMs: Math.round(restart * HOUR),
    tickMs: TICK,
    onDemandPrice: 3_000_000,
  };
}

/** A window from per-zone 0/1 strings (`'1100…'`, one character per tick), spot at $1/h. */
export function window(...zones: string[]): SpotWindow {
  return {
    zones: zones.map((bits, z) => ({
      name: `z${z}`,
      available: Uint8Array.from(bits, (c) => (c === '1' ? 1 : 0)),
      spotPrice: new Float64Array(bits.length).fill(1_000_000),
    })),
  };
}

/** `n` ticks of `bit`. */
export const ticks = (n: number, bit: '0' | '1'): string => bit.repeat(n);
