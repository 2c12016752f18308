import type { NodeInfo } from '@roam/core';
import type { LaunchRequest } from '@roam/engine';

/** The reclaim the market has in store for a running spot instance. */
export interface PlannedReclaim {
  /** When the instance goes, ms. */
  readonly at: number;
  /** When the cloud tells it (AWS 120 s before, GCP and Azure 30 s; less right after boot). */
  readonly noticeAt: number;
  /** Why, as the `terminated` event will say it. */
  readonly reason: string;
}

/** One instance of a {@link SimCloudSnapshot}. */
export interface SavedInstance {
  readonly id: string;
  /** Its node's name. */
  readonly node: string;
  readonly state: 'booting' | 'running' | 'terminating';
  readonly request: LaunchRequest;
  /** When a booting instance is ready. */
  readonly bootAt?: number;
  /** When a terminating instance ends. */
  readonly endAt?: number;
  /** The node of a running instance. */
  readonly info?: NodeInfo;
  readonly reclaim?: PlannedReclaim;
}

/**
 * What the simulated cloud holds at one moment, as plain JSON: its live instances with
 * what is to come for each. `roam up` keeps it in a file beside the store, so that the
 * twin, like a real cloud, still has its instances when the control plane restarts.
 */
export interface SimCloudSnapshot {
  readonly version: 1;
  /** World time it was taken, ms. */
  readonly at: number;
  readonly instances: readonly SavedInstance[];
}
