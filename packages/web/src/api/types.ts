import type { EventView, NodeView, Principal, QueueView, WatchEvent } from '@roam/server';
import type { components } from './openapi.gen.js';

type Schemas = components['schemas'];

/** A Workload document as the API serves it. */
export type WorkloadDoc = Schemas['Workload'];
/** A Queue document. */
export type QueueDoc = Schemas['Queue'];
/** A NodePool document. */
export type NodePoolDoc = Schemas['NodePool'];
/** A Colony document, with its live status (nodes, GPUs, running work). */
export type ColonyDoc = Schemas['Colony'];
/** An Offering document (its spec is free-form in the API description). */
export type OfferingDoc = Schemas['Offering'];
/** A Kubernetes-style Status: what every error reply is. */
export type ApiStatus = Schemas['Status'];
/** One replica's placement: a node and GPU indices with fractions. */
export type Placement = NonNullable<NonNullable<WorkloadDoc['status']>['placements']>[number];
/** A workload's phase. */
export type Phase = NonNullable<NonNullable<WorkloadDoc['status']>['phase']>;

/** What the server joins into a listed node's `status.allocation`: its live view without the identity fields. */
export type NodeAllocation = Omit<NodeView, 'name' | 'pool' | 'gpuModel' | 'gpus'>;

/**
 * A Node document as listed: the stored document with its live allocation. (The API
 * description marks no Node field required; the server always sends metadata.)
 */
export type NodeDoc = Omit<Schemas['Node'], 'status' | 'metadata'> & {
  metadata: Schemas['ObjectMeta'];
  status?: Omit<NonNullable<Schemas['Node']['status']>, 'allocation'> & {
    allocation?: NodeAllocation;
  };
};

export type { EventView, Principal, QueueView, WatchEvent };
