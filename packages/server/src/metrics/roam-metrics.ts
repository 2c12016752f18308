import type { ControlPlane } from '../plane/control-plane.js';
import { queueViews } from '../views/queues.js';
import { nodeViews } from '../views/nodes.js';
import { Histogram, renderPrometheus, type Family } from './prometheus.js';

/** Request durations of the HTTP API, by method, route and status code. */
export const requestDurations = new Histogram(
  'roam_api_request_duration_seconds',
  'Duration of HTTP API requests.',
);

/** The `/metrics` document: queues, nodes, workloads, what the engine did, cost, and API latency. */
export function renderMetrics(plane: ControlPlane): string {
  const queues = queueViews(plane.state, plane.lastResult);
  const nodes = nodeViews(plane.state);
  const phases = new Map<string, number>();
  for (const r of plane.engine.allRecords()) phases.set(r.phase, (phases.get(r.phase) ?? 0) + 1);
  const gauge = (name: string, help: string, samples: Family['samples']): Family => ({
    name,
    help,
    type: 'gauge',
    samples,
  });
  const counter = (name: string, help: string, value: number): Family => ({
    name,
    help,
    type: 'counter',
    samples: [{ value }],
  });
  const pools = new Map<string, { gpus: number; allocated: number }>();
  let costPerHour = 0;
  let onDemandPerHour = 0;
  for (const n of nodes) {
    const p = pools.get(n.pool) ?? { gpus: 0, allocated: 0 };
    p.gpus += n.gpus;
    p.allocated += n.gpuAllocation.reduce((a, b) => a + b, 0);
    pools.set(n.pool, p);
    costPerHour += n.pricePerHour ?? 0;
    onDemandPerHour += n.onDemandPricePerHour ?? n.pricePerHour ?? 0;
  }
  const families: Family[] = [
    gauge(
      'roam_queue_deserved_gpus',
      'GPUs guaranteed to the queue (all pools).',
      queues.map((q) => ({ labels: { queue: q.name }, value: q.deservedGpus })),
    ),
    gauge(
      'roam_queue_fair_share_gpus',
      "The queue's fair share of GPUs in the last scheduling cycle.",
      queues.map((q) => ({ labels: { queue: q.name }, value: q.fairShareGpus })),
    ),
    gauge(
      'roam_queue_allocated_gpus',
      "GPUs allocated to the queue's running work.",
      queues.map((q) => ({ labels: { queue: q.name }, value: q.allocatedGpus })),
    ),
    gauge(
      'roam_queue_pending_gpus',
      "GPUs asked for by the queue's pending work.",
      queues.map((q) => ({ labels: { queue: q.name }, value: q.pendingGpus })),
    ),
    gauge(
      'roam_queue_cost_per_hour_dollars',
      "What the queue's running work costs per hour.",
      queues.map((q) => ({ labels: { queue: q.name }, value: q.costPerHour })),
    ),
    gauge(
      'roam_pool_gpus',
      "GPUs of the pool's schedulable and cordoned nodes.",
      [...pools].map(([pool, p]) => ({ labels: { pool }, value: p.gpus })),
    ),
    gauge(
      'roam_pool_allocated_gpus',
      'GPUs allocated in the pool.',
      [...pools].map(([pool, p]) => ({
        labels: { pool },
        value: Math.round(p.allocated * 1000) / 1000,
      })),
    ),
    gauge(
      'roam_workloads',
      'Workloads by phase.',
      [...phases].map(([phase, n]) => ({ labels: { phase }, value: n })),
    ),
    counter('roam_placements_total', 'Workloads started.', plane.counters.placements),
    counter(
      'roam_preemptions_total',
      'Workloads evicted by higher-priority work of their queue.',
      plane.counters.preemptions,
    ),
    counter(
      'roam_reclaims_total',
      'Workloads evicted for a queue below its deserved share.',
      plane.counters.reclaims,
    ),
    counter(
      'roam_migrations_total',
      'Workloads moved to other capacity.',
      plane.counters.migrations,
    ),
    counter(
      'roam_workload_completions_total',
      'Workloads that succeeded.',
      plane.counters.completions,
    ),
    gauge('roam_cost_per_hour_dollars', 'What the fleet costs per hour now.', [
      { value: round(costPerHour) },
    ]),
    gauge(
      'roam_on_demand_cost_per_hour_dollars',
      'What the same fleet would cost per hour all on-demand.',
      [{ value: round(onDemandPerHour) }],
    ),
    gauge('roam_savings_ratio', 'Share of the all-on-demand cost saved now (0…1).', [
      { value: onDemandPerHour > 0 ? round(1 - costPerHour / onDemandPerHour) : 0 },
    ]),
    requestDurations.family(),
  ];
  return renderPrometheus(families);
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
