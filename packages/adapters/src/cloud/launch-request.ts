import type { CatalogOffering } from '@roam/core';
import type { LaunchRequest } from '@roam/engine';

/** What a valid launch request launches: an offering in one of its zones, and how it is bought. */
export type LaunchTarget = { readonly offering: CatalogOffering; readonly zone: string } & (
  | { readonly market: 'on-demand' }
  | {
      readonly market: 'spot';
      /** The request's bid, else the on-demand price (AWS's default maximum price). */
      readonly bidPerHourMicros: number;
    }
);

/**
 * Checks a launch request against the simulated cloud's offerings (by offering id, zones
 * filled in): the offering must exist, the zone must be one of its zones (an empty zone
 * means its first zone), and spot needs an offering with a spot market. Returns what to
 * launch, or why it cannot be launched.
 */
export function checkLaunch(
  request: LaunchRequest,
  offerings: ReadonlyMap<string, CatalogOffering>,
): LaunchTarget | string {
  const offering = offerings.get(request.offeringId);
  if (offering === undefined) return `unknown offering ${request.offeringId}`;
  const zone = request.zone === '' ? (offering.zones[0] ?? '') : request.zone;
  const zones = offering.zones;
  if (!zones.includes(zone))
    return `${request.offeringId} is not offered in zone ${zone} (zones: ${zones.join(', ')})`;
  if (request.market === 'on-demand') return { offering, zone, market: 'on-demand' };
  if (offering.spotPerHourMicros === undefined) return `${request.offeringId} has no spot market`;
  const bidPerHourMicros = request.bidPerHourMicros ?? offering.onDemandPerHourMicros;
  return { offering, zone, market: 'spot', bidPerHourMicros };
}
