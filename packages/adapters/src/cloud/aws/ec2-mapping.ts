import type {
  Instance as Ec2Instance,
  RunInstancesCommandInput,
  Tag,
  _InstanceType,
} from '@aws-sdk/client-ec2';
import { MICROS_PER_DOLLAR, type PurchaseMarket } from '@roam/core';
import type { LaunchRequest } from '@roam/engine';
import type { AwsRegionConfig } from './config.js';

/** Tags Roam puts on every instance it launches: how it finds and reads them back. */
export const TAGS = {
  /** The id the port returned for the launch (also its idempotency token). */
  launchId: 'roam.dev/launch-id',
  pool: 'roam.dev/pool',
  offering: 'roam.dev/offering',
  market: 'roam.dev/market',
  /** The spot bid, micro-dollars per hour. */
  bid: 'roam.dev/bid',
  /** Prefix of the request's node labels, one tag each. */
  label: 'roam.dev/label/',
} as const;

/** EC2 allows 50 tags per resource; Roam's own take at most 6. */
const MAX_LABEL_TAGS = 44;

/**
 * The RunInstances call for a launch: one instance of the offering's type from the
 * region's launch template, in the zone's subnet, bought on spot (one-time, terminated on
 * interruption, at most the bid) or on-demand, tagged so it can be found and read back.
 * `launchId` is the idempotency token: a retried call never launches twice. Returns why
 * not when the request cannot be expressed (too many labels, no subnet for the zone).
 */
export function runInstancesInput(
  launchId: string,
  request: LaunchRequest,
  instanceType: string,
  region: AwsRegionConfig,
): RunInstancesCommandInput | string {
  const subnet = region.subnets[request.zone];
  if (subnet === undefined) return `no subnet is configured for zone ${request.zone}`;
  const labels = Object.entries(request.labels);
  if (labels.length > MAX_LABEL_TAGS)
    return `${labels.length} node labels: EC2 takes at most ${MAX_LABEL_TAGS} besides Roam's tags`;
  const tags: Tag[] = [
    { Key: 'Name', Value: `roam-${request.pool}` },
    { Key: TAGS.launchId, Value: launchId },
    { Key: TAGS.pool, Value: request.pool },
    { Key: TAGS.offering, Value: request.offeringId },
    { Key: TAGS.market, Value: request.market },
    ...(request.bidPerHourMicros !== undefined
      ? [{ Key: TAGS.bid, Value: String(request.bidPerHourMicros) }]
      : []),
    ...labels.map(([k, v]) => ({ Key: `${TAGS.label}${k}`, Value: v })),
  ];
  const template = region.launchTemplate.startsWith('lt-')
    ? { LaunchTemplateId: region.launchTemplate }
    : { LaunchTemplateName: region.launchTemplate };
  return {
    MinCount: 1,
    MaxCount: 1,
    ClientToken: launchId,
    InstanceType: instanceType as _InstanceType,
    LaunchTemplate: { ...template, Version: region.launchTemplateVersion },
    SubnetId: subnet,
    ...(request.market === 'spot'
      ? {
          InstanceMarketOptions: {
            MarketType: 'spot',
            SpotOptions: {
              SpotInstanceType: 'one-time',
              InstanceInterruptionBehavior: 'terminate',
              ...(request.bidPerHourMicros !== undefined
                ? { MaxPrice: dollars(request.bidPerHourMicros) }
                : {}),
            },
          },
        }
      : {}),
    TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
  };
}

/** The launch an instance was made for, read back from its tags; undefined if not Roam's. */
export function requestOf(
  instance: Ec2Instance,
): { id: string; request: LaunchRequest } | undefined {
  const tags = new Map((instance.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  const id = tags.get(TAGS.launchId);
  const pool = tags.get(TAGS.pool);
  const offeringId = tags.get(TAGS.offering);
  const market = tags.get(TAGS.market);
  if (id === undefined || pool === undefined || offeringId === undefined) return undefined;
  if (market !== 'spot' && market !== 'on-demand') return undefined;
  const bid = Number(tags.get(TAGS.bid));
  const labels: Record<string, string> = {};
  for (const [k, v] of tags) if (k.startsWith(TAGS.label)) labels[k.slice(TAGS.label.length)] = v;
  return {
    id,
    request: {
      pool,
      offeringId,
      zone: instance.Placement?.AvailabilityZone ?? '',
      market: market satisfies PurchaseMarket,
      ...(Number.isFinite(bid) && tags.has(TAGS.bid) ? { bidPerHourMicros: bid } : {}),
      labels,
    },
  };
}

/** Whether EC2 ended the instance to take its spot capacity back. */
export function reclaimedBySpot(instance: Ec2Instance): boolean {
  const code = instance.StateReason?.Code ?? '';
  return code === 'Server.SpotInstanceTermination' || code === 'Server.SpotInstanceShutdown';
}

/** EC2's reason for a state change, as one line. */
export function stateReason(instance: Ec2Instance): string {
  const r = instance.StateReason;
  if (r === undefined) return `EC2 state ${instance.State?.Name ?? 'unknown'}`;
  return r.Message !== undefined && r.Message !== '' ? r.Message : (r.Code ?? 'unknown');
}

/** A price in micro-dollars as EC2's MaxPrice: dollars with up to 6 decimals. */
export function dollars(micros: number): string {
  return (micros / MICROS_PER_DOLLAR).toFixed(6).replace(/\.?0+$/, '');
}

/** EC2's spot price (a dollar string) in micro-dollars; undefined if it is not a number. */
export function micros(price: string | undefined): number | undefined {
  const value = Number(price);
  return price !== undefined && price !== '' && Number.isFinite(value)
    ? Math.round(value * MICROS_PER_DOLLAR)
    : undefined;
}
