import type { Cloud, Offering } from '@roam/core';

/** How each cloud names the zones of a region, from the region and a zone's index. */
const ZONE_NAMES: Readonly<Record<Cloud, (region: string, index: number) => string>> = {
  aws: (region, i) => `${region}${String.fromCharCode(97 + i)}`,
  gcp: (region, i) => `${region}-${String.fromCharCode(97 + i)}`,
  azure: (region, i) => `${region}-${i + 1}`,
};

/** How many zones the simulated cloud gives a region when the catalog names none. */
const DERIVED_ZONES_PER_REGION = 3;

/**
 * The zones the simulated cloud offers an offering in: the catalog's zones when it lists
 * any, else three zones derived from the region the way each cloud names them — AWS
 * `us-east-1a`, `us-east-1b`, `us-east-1c`; GCP `us-central1-a`, `-b`, `-c`; Azure, whose
 * zones are numbered within a region, `eastus-1`, `eastus-2`, `eastus-3`.
 */
export function offeringZones(o: Pick<Offering, 'cloud' | 'region' | 'zones'>): readonly string[] {
  if (o.zones.length > 0) return o.zones;
  const name = ZONE_NAMES[o.cloud];
  return Array.from({ length: DERIVED_ZONES_PER_REGION }, (_, i) => name(o.region, i));
}
