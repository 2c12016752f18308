import { randomUUID } from 'node:crypto';
import type { ReplicaPlacement } from '@roam/core';
import type { StoredObject } from '@roam/engine';
import type { WorkloadRecord } from '@roam/engine';

/** A stored document's shape (what the API wrote: apiVersion, kind, metadata, spec, status). */
export interface Doc {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    creationTimestamp?: string;
    resourceVersion?: string;
    [k: string]: unknown;
  };
  spec?: unknown;
  status?: Record<string, unknown>;
  [k: string]: unknown;
}

/** The key of a document: `namespace/name` or `name`. */
export function keyOf(doc: { metadata: { name: string; namespace?: string } }): string {
  return doc.metadata.namespace !== undefined
    ? `${doc.metadata.namespace}/${doc.metadata.name}`
    : doc.metadata.name;
}

/** RFC 3339 for a world time in ms. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The document a client sees: the stored one with `metadata.resourceVersion` set from the
 * store's version (as a string, as Kubernetes does).
 */
export function present(o: StoredObject): Doc {
  const doc = o.doc as Doc;
  return { ...doc, metadata: { ...doc.metadata, resourceVersion: String(o.resourceVersion) } };
}

/**
 * The document to store for a client's write: its own fields (metadata as given, minus
 * server-managed fields), keeping the uid, creation time and status the server assigned.
 */
export function prepareForStore(input: Doc, existing: Doc | undefined, now: number): Doc {
  const { resourceVersion: _rv, uid: _uid, creationTimestamp: _ct, ...metadata } = input.metadata;
  const doc: Doc = {
    ...input,
    metadata: {
      ...metadata,
      uid: existing?.metadata.uid ?? randomUUID(),
      creationTimestamp: existing?.metadata.creationTimestamp ?? rfc3339(now),
    },
  };
  delete doc.status;
  if (existing?.status) doc.status = existing.status;
  return doc;
}

/** The status block of a workload document, from the engine's record. */
export function workloadStatus(
  rec: WorkloadRecord,
  progressMs: number,
  now: number,
): Record<string, unknown> {
  const status: Record<string, unknown> = {
    phase: rec.phase,
    reason: rec.reason,
    submittedAt: rfc3339(rec.info.submittedAt),
    preemptions: rec.preemptions,
    progressSeconds: Math.round(progressMs / 1000),
    updatedAt: rfc3339(now),
  };
  if (rec.pendingCode !== undefined) status.pendingCode = rec.pendingCode;
  if (rec.firstStartedAt !== undefined) status.firstStartedAt = rfc3339(rec.firstStartedAt);
  if (rec.startedAt !== undefined) status.startedAt = rfc3339(rec.startedAt);
  if (rec.finishedAt !== undefined) status.finishedAt = rfc3339(rec.finishedAt);
  if (rec.placements) status.placements = rec.placements.map(placementView);
  if (rec.onDemandOnly !== undefined) status.onDemandOnly = rec.onDemandOnly;
  return status;
}

/** A placement as the API shows it: node and GPUs with fractions. */
export function placementView(p: ReplicaPlacement): {
  node: string;
  gpus: { index: number; fraction: number }[];
} {
  return { node: p.node, gpus: p.gpus.map((g) => ({ index: g.index, fraction: g.milli / 1000 })) };
}

/** Back from the API's placement view. */
export function placementFromView(v: {
  node: string;
  gpus: { index: number; fraction: number }[];
}): ReplicaPlacement {
  return {
    node: v.node,
    gpus: v.gpus.map((g) => ({ index: g.index, milli: Math.round(g.fraction * 1000) })),
  };
}
