import type { NodeInfo } from '@roam/core';
import type { LaunchTarget } from './launch-request.js';

/**
 * Labels every simulated cloud node carries besides its pool's, under Kubernetes'
 * well-known names where there are some.
 */
export const CLOUD_NODE_LABELS = {
  cloud: 'roam.dev/cloud',
  market: 'roam.dev/market',
  region: 'topology.kubernetes.io/region',
  zone: 'topology.kubernetes.io/zone',
  instanceType: 'node.kubernetes.io/instance-type',
} as const;

/** What a ready instance is to the scheduler. */
export interface CloudNodeFacts {
  readonly name: string;
  readonly pool: string;
  readonly instanceId: string;
  /** Labels asked for in the launch request. */
  readonly labels: Readonly<Record<string, string>>;
  readonly target: LaunchTarget;
  /** What it costs now: the spot price at boot, or the on-demand price. */
  readonly pricePerHourMicros: number;
}

/**
 * The node of a ready instance: the offering's GPUs, CPU and memory, the request's labels
 * plus {@link CLOUD_NODE_LABELS} (which win), its market, zone and price, and where it
 * comes from.
 */
export function cloudNode(facts: CloudNodeFacts): NodeInfo {
  const { offering, zone, market } = facts.target;
  return {
    name: facts.name,
    pool: facts.pool,
    gpuModel: offering.gpuModel,
    gpus: offering.gpuCount,
    cpuMilli: offering.cpuMilli,
    memoryMiB: offering.memoryMiB,
    labels: {
      ...facts.labels,
      [CLOUD_NODE_LABELS.cloud]: offering.cloud,
      [CLOUD_NODE_LABELS.market]: market,
      [CLOUD_NODE_LABELS.region]: offering.region,
      [CLOUD_NODE_LABELS.zone]: zone,
      [CLOUD_NODE_LABELS.instanceType]: offering.instanceType,
    },
    schedulable: true,
    market,
    zone,
    pricePerHourMicros: facts.pricePerHourMicros,
    cloud: {
      cloud: offering.cloud,
      region: offering.region,
      instanceType: offering.instanceType,
      instanceId: facts.instanceId,
      onDemandPerHourMicros: offering.onDemandPerHourMicros,
      ...(facts.target.market === 'spot'
        ? { bidPerHourMicros: facts.target.bidPerHourMicros }
        : {}),
    },
  };
}
