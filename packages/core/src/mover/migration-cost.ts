/** How a migration moves a workload's state. */
export type MigrationMethod = 'live' | 'checkpoint';

/** What a live pre-copy migration has to move, and how fast. */
export interface PreCopyInput {
  /** Memory to copy, MiB. */
  readonly memoryMiB: number;
  /** Rate at which the running workload dirties memory, MiB/s. */
  readonly dirtyRateMiBps: number;
  /** Network bandwidth between source and target, MiB/s. */
  readonly bandwidthMiBps: number;
  /** Stop copying rounds once the remainder is at most this, MiB. */
  readonly stopCopyMiB: number;
  /** Give up iterating after this many rounds and stop-and-copy the remainder. */
  readonly maxRounds: number;
  /** Time to switch execution over once the last copy lands, ms. */
  readonly switchMs: number;
}

/** The outcome of a live pre-copy migration. */
export interface PreCopyResult {
  readonly method: 'live';
  readonly rounds: number;
  /** Everything sent over the network, MiB. */
  readonly copiedMiB: number;
  /** From the first byte to the switch, ms. */
  readonly durationMs: number;
  /** Time the workload is paused (last copy + switch), ms. */
  readonly downtimeMs: number;
  /** Whether the rounds converged below the stop threshold (else the remainder was forced). */
  readonly converged: boolean;
}

/**
 * Live pre-copy: round 0 copies all memory while the workload runs; each next round copies
 * what was dirtied during the previous one, until the remainder is small enough or rounds
 * run out; then the workload pauses, the remainder is copied and execution switches.
 * downtime = remainder / bandwidth + switch time. O(maxRounds).
 */
export function livePreCopy(x: PreCopyInput): PreCopyResult {
  if (!(x.bandwidthMiBps > 0)) throw new RangeError('bandwidth must be above 0');
  let toCopy = x.memoryMiB;
  let copied = 0;
  let elapsedMs = 0;
  let rounds = 0;
  while (toCopy > x.stopCopyMiB && rounds < x.maxRounds) {
    const seconds = toCopy / x.bandwidthMiBps;
    copied += toCopy;
    elapsedMs += seconds * 1000;
    rounds++;
    toCopy = Math.min(x.memoryMiB, x.dirtyRateMiBps * seconds);
  }
  const lastMs = (toCopy / x.bandwidthMiBps) * 1000;
  return {
    method: 'live',
    rounds,
    copiedMiB: copied + toCopy,
    durationMs: Math.round(elapsedMs + lastMs + x.switchMs),
    downtimeMs: Math.round(lastMs + x.switchMs),
    converged: toCopy <= x.stopCopyMiB,
  };
}

/** What a checkpoint/restore move needs. */
export interface CheckpointRestoreInput {
  /** Size of a checkpoint, MiB. */
  readonly checkpointMiB: number;
  readonly bandwidthMiBps: number;
  /** Time to restore from a checkpoint on the target, ms. */
  readonly restoreMs: number;
  /** Work done since the last checkpoint, ms (lost if no fresh checkpoint is taken). */
  readonly sinceCheckpointMs: number;
  /** Whether there is time to take a fresh checkpoint before the source goes away. */
  readonly freshCheckpoint: boolean;
  /** Time to write a checkpoint locally, ms (only when a fresh one is taken). */
  readonly checkpointWriteMs: number;
}

/** The outcome of a checkpoint/restore move. */
export interface CheckpointRestoreResult {
  readonly method: 'checkpoint';
  readonly copiedMiB: number;
  readonly durationMs: number;
  /** The workload makes no progress for this long, ms. */
  readonly downtimeMs: number;
  /** Work that has to be done again, ms. */
  readonly lostWorkMs: number;
}

/**
 * Checkpoint/restore: (optionally) write a fresh checkpoint, copy it to the target and
 * restore. Without a fresh checkpoint the work since the last one is lost.
 */
export function checkpointRestore(x: CheckpointRestoreInput): CheckpointRestoreResult {
  if (!(x.bandwidthMiBps > 0)) throw new RangeError('bandwidth must be above 0');
  const transferMs = (x.checkpointMiB / x.bandwidthMiBps) * 1000;
  const writeMs = x.freshCheckpoint ? x.checkpointWriteMs : 0;
  const durationMs = Math.round(writeMs + transferMs + x.restoreMs);
  return {
    method: 'checkpoint',
    copiedMiB: x.checkpointMiB,
    durationMs,
    downtimeMs: durationMs,
    lostWorkMs: x.freshCheckpoint ? 0 : x.sinceCheckpointMs,
  };
}

/** Egress price of moving data between two places, micro-dollars per GiB. */
export type EgressPrice = (
  from: { cloud: string; region: string },
  to: { cloud: string; region: string },
) => number;

/** Money a migration costs, micro-dollars: idle GPU-time while paused, redone work, and egress. */
export function migrationCostMicros(args: {
  readonly downtimeMs: number;
  readonly lostWorkMs: number;
  readonly copiedMiB: number;
  /** What the workload's capacity costs per hour while it cannot progress, micro-dollars. */
  readonly pricePerHourMicros: number;
  readonly egressPerGiBMicros: number;
}): number {
  const idleHours = (args.downtimeMs + args.lostWorkMs) / 3_600_000;
  return Math.round(
    idleHours * args.pricePerHourMicros + (args.copiedMiB / 1024) * args.egressPerGiBMicros,
  );
}
