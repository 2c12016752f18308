import { describe, expect, it } from 'vitest';
import type { QueueView } from '../src/api/types.js';
import { queueTree } from '../src/model/queue-tree.js';

const q = (name: string, over: Partial<QueueView> = {}): QueueView => ({
  name,
  deservedGpus: 0,
  limitGpus: null,
  fairShareGpus: 0,
  allocatedGpus: 0,
  pendingGpus: 0,
  runningWorkloads: 0,
  pendingWorkloads: 0,
  costPerHour: 0,
  ...over,
});

describe('queueTree', () => {
  it('orders children under their parents and counts borrowing above deserved', () => {
    const t = queueTree([
      q('vision', { parent: 'research', deservedGpus: 4, allocatedGpus: 10 }),
      q('serving', { deservedGpus: 8, allocatedGpus: 2, pendingGpus: 1 }),
      q('research', { deservedGpus: 24, allocatedGpus: 12, limitGpus: 40 }),
      q('orphan', { parent: 'hidden' }),
    ]);
    expect(t.rows.map((r) => `${'  '.repeat(r.depth)}${r.view.name}`)).toEqual([
      'orphan',
      'research',
      '  vision',
      'serving',
    ]);
    const vision = t.rows.find((r) => r.view.name === 'vision');
    expect([vision?.withinDeservedGpus, vision?.borrowedGpus]).toEqual([4, 6]);
    expect(t.rows.find((r) => r.view.name === 'research')?.children).toBe(1);
    expect(t.scaleGpus).toBe(40);
  });

  it('has a scale of at least one GPU', () => {
    expect(queueTree([]).scaleGpus).toBe(1);
  });
});
