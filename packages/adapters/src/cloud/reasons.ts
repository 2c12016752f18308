import { formatDollars, MS_PER_SECOND, type CatalogOffering } from '@roam/core';
import type { Withdrawal } from './market-model.js';
import { CLOUD_BEHAVIOUR } from './providers.js';

/** Why a spot launch failed at boot: no capacity, or a price above the bid. */
export function spotLaunchFailure(
  offering: CatalogOffering,
  zone: string,
  pricePerHourMicros: number,
  bidPerHourMicros: number,
  available: boolean,
): string {
  const where = `${offering.instanceType} in ${zone} (${cloudName(offering)})`;
  if (!available) return `no spot capacity for ${where}`;
  const price = `${formatDollars(pricePerHourMicros)}/h`;
  return `spot price ${price} for ${where} is above the bid ${formatDollars(bidPerHourMicros)}/h`;
}

/**
 * Why a spot instance was reclaimed, with the notice it got:
 * `reclaimed: spot capacity withdrawn in us-east-1a (AWS, 120 s notice)`.
 */
export function reclaimReason(
  offering: CatalogOffering,
  zone: string,
  withdrawal: Withdrawal,
  bidPerHourMicros: number,
  noticeMs: number,
): string {
  const what =
    withdrawal.cause === 'capacity'
      ? `spot capacity withdrawn in ${zone}`
      : `spot price rose above the bid ${formatDollars(bidPerHourMicros)}/h in ${zone}`;
  const notice = `${Math.round(noticeMs / MS_PER_SECOND)} s notice`;
  return `reclaimed: ${what} (${cloudName(offering)}, ${notice})`;
}

/** The reason of a termination Roam asked for. */
export const TERMINATED_BY_ROAM = 'terminated by Roam';

function cloudName(offering: CatalogOffering): string {
  return CLOUD_BEHAVIOUR[offering.cloud].displayName;
}
