import type { StoredEvent } from '@roam/engine';
import { describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.js';
import { planGroup, type GroupPlan } from '../../src/store/plan.js';
import type { Unit } from '../../src/store/units.js';

/** An event-append unit and the promise that answers it. */
function eventUnit(data: string): { unit: Unit; answer: Promise<StoredEvent[]> } {
  let unit: Unit | undefined;
  const answer = new Promise<StoredEvent[]>((resolve, reject) => {
    unit = {
      type: 'events',
      events: [{ at: 1, json: JSON.stringify(data) }],
      settle: { resolve, reject },
    };
  });
  if (unit === undefined) {
    throw new Error('the promise executor runs synchronously');
  }
  return { unit, answer };
}

/** Plans a group against an empty store. */
function plan(units: readonly Unit[]): GroupPlan {
  const empty = { version: 0, eventSeq: 0, objectVersion: () => undefined, hasToken: () => false };
  return planGroup(units, empty);
}

describe('GroupCommit', () => {
  it('commits the units submitted in one turn in one transaction', async () => {
    const groups: number[] = [];
    const commits = new GroupCommit((units) => {
      groups.push(units.length);
      return plan(units);
    });
    const writes = ['a', 'b', 'c'].map(eventUnit);
    writes.forEach(({ unit }) => commits.submit(unit));
    const answers = await Promise.all(writes.map(({ answer }) => answer));
    expect(groups).toEqual([3]);
    expect(answers.map(([event]) => [event?.seq, event?.data])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
  });

  it('batches the units submitted during a commit into the next transaction', async () => {
    const groups: string[][] = [];
    let release = () => {};
    const commits = new GroupCommit(async (units) => {
      groups.push(
        units.map((unit) => (unit.type === 'events' ? (unit.events[0]?.json ?? '') : '')),
      );
      if (groups.length === 1) {
        await new Promise<void>((resolve) => (release = resolve));
      }
      return plan(units);
    });
    const first = eventUnit('first');
    commits.submit(first.unit);
    await new Promise((resolve) => setImmediate(resolve));
    const later = ['x', 'y', 'z'].map(eventUnit);
    later.forEach(({ unit }) => commits.submit(unit));
    let firstAnswered = false;
    void first.answer.then(() => (firstAnswered = true));
    await Promise.resolve();
    expect(firstAnswered).toBe(false);
    release();
    await Promise.all([first.answer, ...later.map(({ answer }) => answer)]);
    expect(groups).toEqual([['"first"'], ['"x"', '"y"', '"z"']]);
  });

  it('rejects every unit of a failed transaction and goes on with the next', async () => {
    let calls = 0;
    const commits = new GroupCommit((units) => {
      calls += 1;
      if (calls === 1) {
        throw new Error('disk full');
      }
      return plan(units);
    });
    const failed = ['a', 'b'].map(eventUnit);
    failed.forEach(({ unit }) => commits.submit(unit));
    for (const { answer } of failed) {
      await expect(answer).rejects.toThrow('disk full');
    }
    const next = eventUnit('c');
    commits.submit(next.unit);
    expect(await next.answer).toHaveLength(1);
  });

  it('drain resolves once every submitted unit is answered', async () => {
    const commits = new GroupCommit(async (units) => plan(units));
    const writes = ['a', 'b'].map(eventUnit);
    writes.forEach(({ unit }) => commits.submit(unit));
    const answered: string[] = [];
    writes.forEach(({ answer }, i) => void answer.then(() => answered.push(String(i))));
    await commits.drain();
    await Promise.resolve();
    expect(answered).toEqual(['0', '1']);
    await expect(commits.drain()).resolves.toBeUndefined();
  });
});
