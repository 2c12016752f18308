import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../src/model/timeline.js';

const at = (s: number): string => new Date(s * 1000).toISOString();
const ev = (s: number, type: string, reason = type) => ({
  time: at(s),
  type,
  reason,
  workload: 'w',
});

describe('buildTimeline', () => {
  it('turns submitted → pending → started → preempted → started → succeeded into segments and marks', () => {
    const t = buildTimeline(
      [
        ev(0, 'submitted'),
        ev(1, 'pending', 'no node has 4 free GPUs'),
        ev(2, 'pending', 'still waiting'),
        ev(10, 'started', 'placed on n1 [gpu0]'),
        ev(20, 'preempting', 'reclaimed by queue a'),
        ev(25, 'preempted'),
        ev(30, 'started'),
        ev(50, 'succeeded'),
      ],
      99_000,
    );
    expect(t.segments.map((s) => [s.state, s.from / 1000, s.to / 1000])).toEqual([
      ['pending', 0, 10],
      ['running', 10, 20],
      ['preempting', 20, 25],
      ['pending', 25, 30],
      ['running', 30, 50],
    ]);
    expect(t.marks.map((m) => m.label)).toEqual([
      'submitted',
      'waiting',
      'placed',
      'evicting',
      'evicted',
      'placed',
      'finished',
    ]);
    expect(t.marks[1]?.reason).toBe('no node has 4 free GPUs');
    expect(t.finished).toBe(true);
    expect([t.from, t.to]).toEqual([0, 50_000]);
  });

  it('runs the open segment of an unfinished workload to now and shows moves as marks', () => {
    const t = buildTimeline(
      [ev(0, 'submitted'), ev(5, 'started'), ev(8, 'migrated', 'moved to gcp')],
      12_000,
    );
    expect(t.segments.at(-1)).toEqual({ state: 'running', from: 5000, to: 12_000 });
    expect(t.marks.at(-1)?.label).toBe('moved');
    const moving = buildTimeline(
      [ev(0, 'submitted'), ev(5, 'started'), ev(8, 'moving', 'reclaim notice')],
      9000,
    );
    expect(moving.marks.map((m) => m.label)).toEqual(['submitted', 'placed', 'moved']);
    expect(t.finished).toBe(false);
    expect(t.to).toBe(12_000);
  });

  it('is empty without events', () => {
    expect(buildTimeline([], 5)).toMatchObject({ segments: [], marks: [], from: 5, to: 5 });
  });
});
