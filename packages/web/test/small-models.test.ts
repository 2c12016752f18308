import { describe, expect, it } from 'vitest';
import type { NodeDoc, OfferingDoc } from '../src/api/types.js';
import { EventLog } from '../src/data/event-log.js';
import { cheapestByModel, offeringRow } from '../src/model/offerings.js';
import {
  canCordon,
  canWriteWorkloads,
  describePrincipal,
  submittableQueues,
} from '../src/model/permissions.js';
import { SavingsMeter } from '../src/model/savings.js';
import { SpotHistory } from '../src/model/spot-history.js';
import { editableYaml, newWorkloadYaml } from '../src/model/workload-yaml.js';
import { parseYaml } from '../src/model/yaml-errors.js';
import { formatAge, formatDuration, formatGpus, formatMoney } from '../src/ui/format.js';

const ev = (time: string, type: string) => ({ time, type, reason: type });

describe('EventLog', () => {
  it('keeps streamed events a list taken meanwhile lacks, without duplicates', () => {
    const log = new EventLog();
    log.beginSync();
    log.push(ev('t2', 'started'));
    log.push(ev('t3', 'succeeded'));
    log.reset([ev('t1', 'submitted'), ev('t2', 'started')]);
    expect(log.all().map((e) => e.type)).toEqual(['submitted', 'started', 'succeeded']);
  });
});

describe('SavingsMeter', () => {
  it('integrates the hourly saving over world time', () => {
    const m = new SavingsMeter();
    m.observe(0, 6, 10); // saves $4/h
    m.observe(3_600_000, 10, 10); // saves nothing from here
    expect(m.savedUntil(7_200_000)).toBeCloseTo(4);
    m.observe(1000, 0, 100); // a late reading does not count twice
    expect(m.savedUntil(7_200_000)).toBeCloseTo(4 + (100 * (7_200_000 - 3_600_000)) / 3_600_000);
  });
});

describe('SpotHistory', () => {
  const spot = (price: number, risk?: number): NodeDoc => ({
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Node',
    metadata: { name: 's1' },
    status: {
      market: 'spot',
      pricePerHour: price,
      ...(risk !== undefined ? { reclaimRisk: risk } : {}),
    } as NodeDoc['status'],
  });
  it('records spot nodes only, once per time, as a new map each time', () => {
    const h = new SpotHistory();
    const before = h.series();
    h.observe(1, [spot(2, 0.1), { ...spot(9), status: { market: 'on-demand', pricePerHour: 9 } }]);
    h.observe(1, [spot(3)]);
    h.observe(2, [spot(4)]);
    expect(h.series()).not.toBe(before);
    expect(h.series().get('s1')).toEqual([
      { at: 1, price: 2, risk: 0.1 },
      { at: 2, price: 4, risk: undefined },
    ]);
  });
});

describe('offerings', () => {
  const o = (
    gpuModel: string,
    gpuCount: number,
    onDemandPerHour: number,
    spotPerHour?: number,
  ): OfferingDoc =>
    ({
      metadata: { name: `${gpuModel}-${gpuCount}-${onDemandPerHour}` },
      spec: {
        cloud: 'aws',
        region: 'r',
        instanceType: 'i',
        gpuModel,
        gpuCount,
        onDemandPerHour,
        ...(spotPerHour !== undefined ? { spotPerHour } : {}),
      },
    }) as unknown as OfferingDoc;
  it('prices per GPU-hour and finds the cheapest per model', () => {
    const rows = [o('H100', 8, 80, 20), o('H100', 1, 12), o('T4', 4, 2, 1)].map(offeringRow);
    expect(rows[0]).toMatchObject({ perGpuHour: 2.5, spotDiscount: 0.75 });
    expect(rows[1]).toMatchObject({ perGpuHour: 12, spotDiscount: undefined });
    expect(cheapestByModel(rows)).toEqual([
      { gpuModel: 'H100', onDemandPerGpuHour: 10, spotPerGpuHour: 2.5, offerings: 2 },
      { gpuModel: 'T4', onDemandPerGpuHour: 0.5, spotPerGpuHour: 0.25, offerings: 1 },
    ]);
  });
});

describe('permissions', () => {
  const member = { name: 'alice', role: 'member' as const, queues: ['nlp'] };
  const admin = { name: 'root', role: 'admin' as const, queues: [] };
  it('lets members write only their queues and only admins cordon', () => {
    expect(canWriteWorkloads(member, 'nlp')).toBe(true);
    expect(canWriteWorkloads(member, 'cv')).toBe(false);
    expect(canWriteWorkloads(admin, 'cv')).toBe(true);
    expect([canCordon(member), canCordon(admin)]).toEqual([false, true]);
    expect(submittableQueues(member, ['nlp', 'cv'])).toEqual(['nlp']);
    expect(submittableQueues(admin, ['nlp', 'cv'])).toEqual(['nlp', 'cv']);
    expect(describePrincipal(member)).toBe('member of nlp');
  });
});

describe('workload YAML', () => {
  it('starts new workloads in a queue and edits without status or server fields', () => {
    const fresh = parseYaml(newWorkloadYaml('nlp'));
    expect(fresh.ok && (fresh.value as { spec: { queue: string } }).spec.queue).toBe('nlp');
    const yaml = editableYaml({
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Workload',
      metadata: { name: 'w', uid: 'u', creationTimestamp: 'c', resourceVersion: '7' },
      spec: { queue: 'q', template: { gpu: 1 } },
      status: { phase: 'Pending' },
    });
    expect(parseYaml(yaml)).toEqual({
      ok: true,
      value: {
        apiVersion: 'roam.dev/v1alpha1',
        kind: 'Workload',
        metadata: { name: 'w', resourceVersion: '7' },
        spec: { queue: 'q', template: { gpu: 1 } },
      },
    });
  });
});

describe('format', () => {
  it('formats GPUs, money, ages and durations', () => {
    expect([formatGpus(3), formatGpus(0.25), formatGpus(1 / 3)]).toEqual(['3', '0.25', '0.33']);
    expect([formatMoney(1234.5), formatMoney(0.0625), formatMoney(0)]).toEqual([
      '$1,234.50',
      '$0.063',
      '$0.00',
    ]);
    expect([
      formatAge(45_000),
      formatAge(600_000),
      formatAge(5 * 3_600_000),
      formatAge(3 * 86_400_000),
    ]).toEqual(['45s', '10m', '5h', '3d']);
    expect([formatDuration(7_500_000), formatDuration(200_000), formatDuration(12_000)]).toEqual([
      '2h 05m',
      '3m 20s',
      '12s',
    ]);
  });
});
