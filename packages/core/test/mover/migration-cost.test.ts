import { describe, expect, it } from 'vitest';
import {
  checkpointRestore,
  defaultEgressPerGiB,
  livePreCopy,
  migrationCostMicros,
} from '../../src/index.js';

describe('live pre-copy', () => {
  it.each([
    // memory, dirty rate, bandwidth → rounds, downtime
    { memoryMiB: 10_240, dirty: 100, bw: 1000, rounds: 2, converged: true },
    { memoryMiB: 10_240, dirty: 0, bw: 1000, rounds: 1, converged: true },
    { memoryMiB: 10_240, dirty: 2000, bw: 1000, rounds: 10, converged: false },
  ])(
    'copies what the previous round dirtied: $memoryMiB MiB at $dirty MiB/s over $bw MiB/s',
    ({ memoryMiB, dirty, bw, rounds, converged }) => {
      const r = livePreCopy({
        memoryMiB,
        dirtyRateMiBps: dirty,
        bandwidthMiBps: bw,
        stopCopyMiB: 256,
        maxRounds: 10,
        switchMs: 1000,
      });
      expect(r.rounds).toBe(rounds);
      expect(r.converged).toBe(converged);
      expect(r.downtimeMs).toBeGreaterThanOrEqual(1000);
      expect(r.durationMs).toBeGreaterThanOrEqual(r.downtimeMs);
    },
  );

  it('matches the round-by-round arithmetic', () => {
    // 10 GiB at 1 GiB/s: round 0 takes 10 s and dirties 1,000 MiB; round 1 takes 1 s, dirties 100 MiB ≤ 256: stop.
    const r = livePreCopy({
      memoryMiB: 10_240,
      dirtyRateMiBps: 100,
      bandwidthMiBps: 1024,
      stopCopyMiB: 256,
      maxRounds: 10,
      switchMs: 500,
    });
    expect(r.rounds).toBe(2);
    expect(r.copiedMiB).toBeCloseTo(10_240 + 1000 + 97.65625, 3);
    expect(r.downtimeMs).toBe(Math.round((97.65625 / 1024) * 1000 + 500));
  });
});

describe('checkpoint/restore', () => {
  it('loses the work since the last checkpoint unless a fresh one is taken', () => {
    const base = {
      checkpointMiB: 2048,
      bandwidthMiBps: 1024,
      restoreMs: 60_000,
      sinceCheckpointMs: 600_000,
      checkpointWriteMs: 5000,
    };
    expect(checkpointRestore({ ...base, freshCheckpoint: true })).toMatchObject({
      lostWorkMs: 0,
      durationMs: 5000 + 2000 + 60_000,
    });
    expect(checkpointRestore({ ...base, freshCheckpoint: false })).toMatchObject({
      lostWorkMs: 600_000,
      durationMs: 62_000,
    });
  });

  it('costs paused time, redone work and egress', () => {
    // 1 h paused at $4/h + 10 GiB at $0.02/GiB.
    expect(
      migrationCostMicros({
        downtimeMs: 1_800_000,
        lostWorkMs: 1_800_000,
        copiedMiB: 10_240,
        pricePerHourMicros: 4_000_000,
        egressPerGiBMicros: 20_000,
      }),
    ).toBe(4_200_000);
    expect(defaultEgressPerGiB({ cloud: 'aws', region: 'a' }, { cloud: 'aws', region: 'a' })).toBe(
      0,
    );
    expect(defaultEgressPerGiB({ cloud: 'aws', region: 'a' }, { cloud: 'gcp', region: 'a' })).toBe(
      90_000,
    );
  });
});
