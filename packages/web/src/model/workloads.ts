import type { NodeDoc, Phase, WorkloadDoc } from '../api/types.js';
import { nodeMarket, type Market } from './nodes.js';

/** Every phase, in life order. */
export const PHASES: readonly Phase[] = [
  'Pending',
  'Running',
  'Preempting',
  'Succeeded',
  'Failed',
  'Cancelled',
];
/** The workload classes. */
export const CLASSES = ['interactive', 'training', 'inference'] as const;

/** A workload as the table shows it. */
export interface WorkloadRow {
  readonly name: string;
  readonly queue: string;
  readonly cls: string;
  readonly phase: Phase;
  readonly replicas: number;
  /** GPUs of the whole gang. */
  readonly gpus: number;
  /** The market of the capacity it runs on; `none` while it is not placed. */
  readonly market: Market | 'none';
  /** Nodes it runs on, comma-separated. */
  readonly nodes: string;
  readonly reason: string;
  readonly submittedAt: number;
  readonly priority: number | undefined;
}

/** A workload's GPUs: replicas × GPUs per replica. */
export function workloadGpus(w: WorkloadDoc): number {
  return (w.spec.replicas ?? 1) * (w.spec.template.gpu ?? 0);
}

/** The table row of a workload; `nodeOf` finds the nodes it is placed on. */
export function workloadRow(
  w: WorkloadDoc,
  nodeOf: (name: string) => NodeDoc | undefined,
): WorkloadRow {
  const placements = w.status?.placements ?? [];
  const nodes = [...new Set(placements.map((p) => p.node ?? ''))].filter(Boolean);
  const first = nodes[0] !== undefined ? nodeOf(nodes[0]) : undefined;
  const phase = w.status?.phase ?? 'Pending';
  const placed = placements.length > 0 && (phase === 'Running' || phase === 'Preempting');
  return {
    name: w.metadata.name,
    queue: w.spec.queue,
    // The API's default class (docs/resources.md).
    cls: w.spec.class ?? 'training',
    phase,
    replicas: w.spec.replicas ?? 1,
    gpus: workloadGpus(w),
    market: placed && first ? nodeMarket(first) : 'none',
    nodes: placed ? nodes.join(', ') : '',
    reason: w.status?.reason ?? '',
    submittedAt: Date.parse(w.status?.submittedAt ?? w.metadata.creationTimestamp ?? '') || 0,
    priority: w.spec.priority,
  };
}

/** What the workload table is filtered by; empty strings match everything. */
export interface WorkloadFilter {
  readonly text: string;
  readonly queue: string;
  readonly cls: string;
  readonly phase: string;
  readonly market: string;
}

/** An empty filter. */
export const NO_FILTER: WorkloadFilter = { text: '', queue: '', cls: '', phase: '', market: '' };

/** The filter a `#/workloads?queue=…&phase=…` query names. */
export function filterFromQuery(query: Readonly<Record<string, string>>): WorkloadFilter {
  return {
    text: query.q ?? '',
    queue: query.queue ?? '',
    cls: query.class ?? '',
    phase: query.phase ?? '',
    market: query.market ?? '',
  };
}

/** The query of a filter (the inverse of {@link filterFromQuery}). */
export function queryOfFilter(f: WorkloadFilter): Record<string, string> {
  return { q: f.text, queue: f.queue, class: f.cls, phase: f.phase, market: f.market };
}

/** The rows that pass a filter; text matches the name, the nodes or the reason. */
export function filterRows(rows: readonly WorkloadRow[], f: WorkloadFilter): WorkloadRow[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.queue === '' || r.queue === f.queue) &&
      (f.cls === '' || r.cls === f.cls) &&
      (f.phase === '' || r.phase === f.phase) &&
      (f.market === '' || r.market === f.market) &&
      (text === '' ||
        r.name.toLowerCase().includes(text) ||
        r.nodes.toLowerCase().includes(text) ||
        r.reason.toLowerCase().includes(text)),
  );
}
