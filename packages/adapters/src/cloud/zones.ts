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

/**
 * The cloud a zone belongs to, read back from how clouds name zones (`ZONE_NAMES`): AWS
 * `us-east-1a` (a letter right after the region's number), GCP `us-central1-a`, Azure
 * `eastus-2`.
 */
export function cloudOfZone(zone: string): Cloud | undefined {
  if (/-\d+[a-z]$/.test(zone)) return 'aws';
  if (/\d-[a-z]$/.test(zone)) return 'gcp';
  if (/^[a-z]+-\d+$/.test(zone)) return 'azure';
  return undefined;
}

/**
 * The region of a zone, from the same naming, for traces that record zones only: AWS
 * `us-east-1a` (and Local Zones, `us-west-2-lax-1a`) is in `us-east-1`, GCP
 * `us-central1-a` in `us-central1`, Azure `eastus-2` in `eastus`.
 */
export function regionOfZone(zone: string): string {
  if (cloudOfZone(zone) === 'aws') return /^[a-z]+(?:-[a-z]+)+-\d+/.exec(zone)?.[0] ?? zone;
  return zone.replace(/-[^-]+$/, '');
}
