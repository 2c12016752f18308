import type { MarketOffering, NodeInfo, PurchaseMarket } from '@roam/core';

/** What to launch. */
export interface LaunchRequest {
  /** Node pool the new node joins. */
  readonly pool: string;
  readonly offeringId: string;
  readonly zone: string;
  readonly market: PurchaseMarket;
  /** For spot: the highest price per hour to pay, micro-dollars (at most the on-demand price). */
  readonly bidPerHourMicros?: number;
  /** Labels the node carries. */
  readonly labels: Readonly<Record<string, string>>;
}

/** What a cloud tells the engine. */
export type CloudEvent =
  | { readonly type: 'ready'; readonly instanceId: string; readonly node: NodeInfo }
  | { readonly type: 'launch-failed'; readonly instanceId: string; readonly reason: string }
  /** A spot instance will be reclaimed at `at` (AWS gives 120 s, GCP and Azure 30 s). */
  | {
      readonly type: 'interruption-notice';
      readonly instanceId: string;
      readonly node: string;
      readonly at: number;
    }
  | {
      readonly type: 'terminated';
      readonly instanceId: string;
      readonly node: string;
      readonly reason: string;
    };

/**
 * An instance the cloud holds for Roam, as its listing shows it: what the control plane
 * takes over after a restart. Real adapters list the instances tagged with a Roam pool
 * (AWS `DescribeInstances` with a tag filter, GCP `instances.list` with a label filter,
 * Azure's virtual machines of the resource group with the tag).
 */
export interface CloudInstance {
  readonly instanceId: string;
  /** `booting`: launched, not ready yet; `running`: a node; `terminating`: asked to end. */
  readonly state: 'booting' | 'running' | 'terminating';
  /** What was asked for: pool, offering, zone, market, bid and labels. */
  readonly request: LaunchRequest;
  /** The node, once the instance is running. */
  readonly node?: NodeInfo;
  /** When a reclaim notice has been given: the time the instance goes. */
  readonly reclaimAt?: number;
}

/**
 * The cloud port: offerings with their live spot market, launching and terminating
 * instances, and listing the instances it holds. Results arrive as events (a launch
 * becomes `ready` after the instance boots). The simulated multi-cloud and real cloud
 * adapters implement it; one contract suite checks them.
 */
export interface CloudPort {
  /** Every offering with its zones' current spot quotes. */
  market(): readonly MarketOffering[];
  /** Requests an instance; returns its id at once; `ready` or `launch-failed` follows. */
  launch(request: LaunchRequest): string;
  /** Releases an instance; `terminated` follows. */
  terminate(instanceId: string): void;
  /**
   * The instances booting, running or being terminated (not those ended or failed), in
   * launch order.
   */
  instances(): readonly CloudInstance[];
  /** Receives cloud events. */
  subscribe(listener: (e: CloudEvent) => void): () => void;
}
