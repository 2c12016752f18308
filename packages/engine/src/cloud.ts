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
 * The cloud port: offerings with their live spot market, and launching and terminating
 * instances. Results arrive as events (a launch becomes `ready` after the instance boots).
 * The simulated multi-cloud and real cloud adapters implement it; one contract suite
 * checks them.
 */
export interface CloudPort {
  /** Every offering with its zones' current spot quotes. */
  market(): readonly MarketOffering[];
  /** Requests an instance; returns its id at once; `ready` or `launch-failed` follows. */
  launch(request: LaunchRequest): string;
  /** Releases an instance; `terminated` follows. */
  terminate(instanceId: string): void;
  /** Receives cloud events. */
  subscribe(listener: (e: CloudEvent) => void): () => void;
}
