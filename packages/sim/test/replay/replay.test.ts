import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultSchedulerConfig, parseResources } from '@roam/core';
import { clusterFromResources, readRoamJsonl, replay, type ReplayReport } from '../../src/index.js';

const fixture = (name: string): string => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const cluster = clusterFromResources(
  parseResources(readFileSync(fixture('cluster.yaml'), 'utf8'), 'cluster.yaml').resources,
  'cluster.yaml',
);
const trace = readRoamJsonl(readFileSync(fixture('trace.jsonl'), 'utf8'), 'trace.jsonl');

function run(seed = 1, extra: { checkpointMs?: number } = {}): { report: ReplayReport } {
  return {
    report: replay(
      { trace, cluster, config: defaultSchedulerConfig(), policyName: 'binpack', seed, ...extra },
      () => 0,
    ),
  };
}

describe('replay', () => {
  it('replays the hand-made trace: reclaim for alpha, everything finishes', () => {
    const { report } = run();
    expect(report.jobs).toBe(9);
    expect(report.completed).toBe(9);
    expect(report.preemptions).toBe(3); // beta is over its fair share: 2 jobs give alpha-gang its 4 GPUs, 1 makes room for alpha-small
    // Evicted jobs had just checkpointed (every 10 min; alpha arrives at 10 min), so no work is lost.
    expect(report.gpuHoursLost).toBe(0);
    // Evicted jobs resume from their checkpoint later, so they finish later than their 2 h of work.
    expect(report.jctSeconds.max).toBeGreaterThan(7200);
    expect(report.jctSeconds.max).toBeLessThan(7200 + 3600);
    const beta = report.queues.find((q) => q.queue === 'beta');
    expect(beta?.deservedGpus).toBe(6);
  });

  it('gives the same decision log for the same trace and seed', () => {
    const a = run(7).report;
    const b = run(7).report;
    expect(a.decisionLogSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.decisionLogSha256).toBe(a.decisionLogSha256);
    expect(b.jctSeconds).toEqual(a.jctSeconds);
  });

  it('matches the golden replay (regenerate with UPDATE_GOLDEN=1 after an intended change)', () => {
    const { samples: _samples, wallMs: _wall, ...report } = run(1, { checkpointMs: 30_000 }).report;
    const golden = fixture('replay.golden.json');
    const text = `${JSON.stringify(report, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });
});
