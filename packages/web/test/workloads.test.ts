import { describe, expect, it } from 'vitest';
import type { NodeDoc, WorkloadDoc } from '../src/api/types.js';
import { runCost } from '../src/model/run-cost.js';
import {
  filterFromQuery,
  filterRows,
  NO_FILTER,
  queryOfFilter,
  workloadRow,
} from '../src/model/workloads.js';

const w = (
  name: string,
  spec: Partial<WorkloadDoc['spec']>,
  status: WorkloadDoc['status'] = {},
): WorkloadDoc => ({
  apiVersion: 'roam.dev/v1alpha1',
  kind: 'Workload',
  metadata: { name },
  spec: { queue: 'q', template: { gpu: 1 }, ...spec },
  status,
});

const nodes: Record<string, NodeDoc> = {
  spot1: {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Node',
    metadata: { name: 'spot1' },
    status: { gpus: 8, market: 'spot', pricePerHour: 16 },
  },
  prem1: {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Node',
    metadata: { name: 'prem1' },
    status: { gpus: 8 },
  },
};
const nodeOf = (n: string) => nodes[n];

describe('workload rows', () => {
  const rows = [
    workloadRow(
      w(
        'train',
        { replicas: 2, template: { gpu: 4 } },
        {
          phase: 'Running',
          placements: [
            { node: 'spot1', gpus: [] },
            { node: 'spot1', gpus: [] },
          ],
        },
      ),
      nodeOf,
    ),
    workloadRow(
      w(
        'note',
        { queue: 'vision', class: 'interactive', template: { gpu: 0.25 } },
        { phase: 'Pending', reason: 'no node in pool a100 has 1 free GPU' },
      ),
      nodeOf,
    ),
    workloadRow(
      w(
        'serve',
        { class: 'inference' },
        { phase: 'Running', placements: [{ node: 'prem1', gpus: [] }] },
      ),
      nodeOf,
    ),
  ];

  it('sums a gang’s GPUs and takes its market from the node it runs on', () => {
    expect(rows.map((r) => [r.name, r.cls, r.gpus, r.market, r.nodes])).toEqual([
      ['train', 'training', 8, 'spot', 'spot1'],
      ['note', 'interactive', 0.25, 'none', ''],
      ['serve', 'inference', 1, 'on-prem', 'prem1'],
    ]);
  });

  it('filters by queue, class, phase, market and text in the name, nodes or reason', () => {
    const names = (f: Partial<typeof NO_FILTER>) =>
      filterRows(rows, { ...NO_FILTER, ...f }).map((r) => r.name);
    expect(names({})).toEqual(['train', 'note', 'serve']);
    expect(names({ queue: 'vision' })).toEqual(['note']);
    expect(names({ cls: 'inference' })).toEqual(['serve']);
    expect(names({ phase: 'Running', market: 'spot' })).toEqual(['train']);
    expect(names({ text: 'A100' })).toEqual(['note']);
    expect(names({ text: 'prem' })).toEqual(['serve']);
  });

  it('keeps filters in the URL query', () => {
    const f = { text: 'x', queue: 'q', cls: 'training', phase: 'Pending', market: 'spot' };
    expect(filterFromQuery(queryOfFilter(f))).toEqual(f);
  });
});

describe('runCost', () => {
  const started = '2030-01-01T00:00:00.000Z';
  const now = Date.parse(started) + 2 * 3_600_000;

  it("charges the workload's share of each priced node since it started", () => {
    const c = runCost(
      w(
        't',
        {},
        {
          phase: 'Running',
          startedAt: started,
          placements: [
            {
              node: 'spot1',
              gpus: [
                { index: 0, fraction: 1 },
                { index: 1, fraction: 0.5 },
              ],
            },
          ],
        },
      ),
      nodeOf,
      now,
    );
    expect(c?.perHour).toBeCloseTo((1.5 / 8) * 16);
    expect(c?.dollars).toBeCloseTo(6);
    expect(c?.hours).toBeCloseTo(2);
  });

  it('is unknown on on-prem nodes and for workloads that do not run', () => {
    expect(
      runCost(
        w(
          't',
          {},
          {
            phase: 'Running',
            startedAt: started,
            placements: [{ node: 'prem1', gpus: [{ index: 0, fraction: 1 }] }],
          },
        ),
        nodeOf,
        now,
      ),
    ).toBeUndefined();
    expect(runCost(w('t', {}, { phase: 'Pending' }), nodeOf, now)).toBeUndefined();
  });
});
