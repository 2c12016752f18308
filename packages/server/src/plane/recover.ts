import { toNodeInfo, toWorkloadInfo, type Node, type NodePool, type Workload } from '@roam/core';
import type { Store, StoredObject } from '@roam/engine';
import type { ControlPlane } from './control-plane.js';
import { validate } from './control-plane.js';
import { placementFromView, type Doc } from './documents.js';
import type { EventView } from './watch.js';

/** Kinds loaded at startup, in dependency order. */
const KINDS = ['RoamMeta', 'Queue', 'NodePool', 'Colony', 'Node', 'Workload'];
/** Events read back into memory at startup. */
const RECENT_EVENTS = 10_000;

interface WorkloadStatusView {
  phase?: string;
  submittedAt?: string;
  startedAt?: string;
  firstStartedAt?: string;
  updatedAt?: string;
  progressSeconds?: number;
  preemptions?: number;
  placements?: { node: string; gpus: { index: number; fraction: number }[] }[];
  onDemandOnly?: string;
}

/**
 * Rebuilds the control plane from the store after a (re)start: recent events, queues,
 * pools, nodes (static ones from the store, cloud ones from what the cloud still holds),
 * and every unfinished workload. A workload that was running is booked again at its
 * placements when they still fit (so no GPU is booked twice and none is lost); if they
 * do not, it waits again. Nothing accepted is dropped: every stored workload is either
 * finished, running, or pending again.
 */
export async function recover(plane: ControlPlane, store: Store): Promise<void> {
  plane.restoreEvents(await lastEvents(store));
  for (const kind of KINDS) for (const o of await store.list(kind)) plane.adopt(o);
  plane.syncQueues();
  plane.syncPools();
  plane.syncColonies();
  for (const o of plane.storedAll('Node')) plane.state.addNode(toNodeInfo(validate(o.doc) as Node));
  for (const o of plane.storedAll('NodePool')) {
    const pool = validate(o.doc) as NodePool;
    if (pool.spec.static) await plane.syncPoolNodes(pool.metadata.name, pool);
  }
  // The cloud kept its instances while the control plane was down: their nodes come back
  // before the work that ran on them is adopted.
  plane.capacity?.reconcile();
  const workloads = plane
    .storedAll('Workload')
    .map((o) => ({ o, status: ((o.doc as Doc).status ?? {}) as WorkloadStatusView }))
    .filter(
      ({ status }) => !['Succeeded', 'Failed', 'Cancelled'].includes(status.phase ?? 'Pending'),
    )
    .sort(
      (a, b) =>
        time(a.status.submittedAt, 0) - time(b.status.submittedAt, 0) ||
        (a.o.key < b.o.key ? -1 : 1),
    );
  for (const { o, status } of workloads) adoptWorkload(plane, o, status);
}

function adoptWorkload(plane: ControlPlane, o: StoredObject, status: WorkloadStatusView): void {
  const now = plane.clock.now();
  const info = toWorkloadInfo(validate(o.doc) as Workload, time(status.submittedAt, now));
  const preemptions = status.preemptions ?? 0;
  if (
    status.phase === 'Running' &&
    status.placements &&
    status.placements.length === info.replicas
  ) {
    const placements = status.placements.map(placementFromView);
    const fits = placements.every((p) => plane.state.node(p.node) !== undefined);
    if (fits) {
      // A workload keeps running while the control plane restarts.
      const startedAt = time(status.startedAt, now);
      const progress =
        (status.progressSeconds ?? 0) * 1000 + Math.max(0, now - time(status.updatedAt, now));
      plane.runtime.resume(o.key, Math.max(0, progress - (now - startedAt)));
      try {
        plane.engine.adoptRunning(info, placements, {
          startedAt,
          firstStartedAt: time(status.firstStartedAt, startedAt),
          preemptions,
          ...(status.onDemandOnly !== undefined ? { onDemandOnly: status.onDemandOnly } : {}),
        });
        return;
      } catch {
        // Its GPUs are taken (or gone): it waits again below.
      }
    }
  }
  plane.engine.adoptPending(info, preemptions, status.onDemandOnly);
}

async function lastEvents(store: Store): Promise<EventView[]> {
  const out: EventView[] = [];
  let after = 0;
  for (;;) {
    const batch = await store.events(after, 5000);
    if (batch.length === 0) break;
    for (const e of batch) out.push(e.data as EventView);
    if (out.length > RECENT_EVENTS) out.splice(0, out.length - RECENT_EVENTS);
    after = batch[batch.length - 1]?.seq ?? after;
  }
  return out;
}

function time(iso: string | undefined, fallback: number): number {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(t) ? fallback : t;
}
