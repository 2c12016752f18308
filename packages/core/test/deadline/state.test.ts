import { describe, expect, it } from 'vitest';
import {
  applyReclaim,
  holdInstance,
  JOB_START,
  keepsDeadline,
  NO_INSTANCE,
  observeTick,
  ON_DEMAND,
  slackTicks,
  spotIn,
} from '../../src/index.js';
import { HOUR, job, TICK, window } from './builders.js';

const j = job(2, 3, 0.25);
/** A restart shorter than a tick (3 minutes). */
const quick = job(2, 3, 0.05);
const open = observeTick(window('1'), 0);
const closed = observeTick(window('0'), 0);

describe('the tick model', () => {
  it.each([
    {
      name: 'a launch pays the restart before progress',
      action: ON_DEMAND,
      work: TICK - HOUR / 20,
    },
    { name: 'spot pays it too', action: spotIn(0), work: TICK - HOUR / 20 },
    { name: 'holding nothing makes no progress', action: NO_INSTANCE, work: 0 },
  ])('$name', ({ action, work }) => {
    const { next, workMs, launched } = holdInstance(quick, JOB_START, action, open);
    expect(workMs).toBe(work);
    expect(next.doneMs).toBe(work);
    expect(launched).toBe(action.kind !== 'none');
  });

  it('an overhead longer than a tick carries into the next tick, then progress runs', () => {
    const long = { ...j, restartMs: TICK + 60_000 };
    const first = holdInstance(long, JOB_START, ON_DEMAND, open);
    expect(first.workMs).toBe(0);
    const second = holdInstance(long, first.next, ON_DEMAND, open);
    expect(second.launched).toBe(false);
    expect(second.workMs).toBe(TICK - 60_000);
  });

  it('a reclaim drops a spot instance and keeps the progress', () => {
    const on = holdInstance(j, JOB_START, spotIn(0), open).next;
    const after = applyReclaim(on, closed);
    expect(after.instance).toBe(NO_INSTANCE);
    expect(after.doneMs).toBe(on.doneMs);
    expect(applyReclaim(on, open)).toBe(on);
  });

  it('asking for spot where there is none is a programming error', () => {
    expect(() => holdInstance(j, JOB_START, spotIn(0), closed)).toThrow(/zone 0/);
  });

  it('slack counts the ticks the job may still lose', () => {
    // 3 h = 18 ticks; on-demand needs 2 h + 0.25 h = 14 ticks (rounded up): 4 to spare.
    expect(slackTicks(j, JOB_START)).toBe(4);
    expect(keepsDeadline(j, JOB_START, NO_INSTANCE)).toBe(true);
    const late = { ...JOB_START, tick: 4 };
    expect(keepsDeadline(j, late, NO_INSTANCE)).toBe(false);
    expect(keepsDeadline(j, late, ON_DEMAND)).toBe(true);
  });
});
