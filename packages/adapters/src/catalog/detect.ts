import { AWS_VANTAGE } from './aws-vantage.js';
import { AZURE_SKYPILOT } from './azure-skypilot.js';
import { GCP_PRICING } from './gcp-pricing.js';
import { GCP_ZONES_REQUIRED } from './gcp-zones.js';
import type { OfferingFormat } from './offering-format.js';

/** The offering formats `roam catalog import` reads. */
const OFFERING_FORMATS: readonly OfferingFormat<string>[] = [
  AWS_VANTAGE,
  GCP_PRICING,
  AZURE_SKYPILOT,
];

/** The name of the GCP zone-list format, which fills zones rather than adding offerings. */
export const GCP_ZONES_FORMAT = 'gcp-zones' as const;

/**
 * The format of a catalog file from its header: the one offering format, or the GCP zone
 * list, whose required columns all appear (in any order, among others); undefined when
 * none or several do.
 */
export function detectCatalogFormat(
  header: readonly string[],
): OfferingFormat<string> | typeof GCP_ZONES_FORMAT | undefined {
  const columns = new Set(header.map((c) => c.trim()));
  const has = (required: readonly string[]): boolean => required.every((c) => columns.has(c));
  const matches: (OfferingFormat<string> | typeof GCP_ZONES_FORMAT)[] = [
    ...OFFERING_FORMATS.filter((f) => has(f.required)),
    ...(has(GCP_ZONES_REQUIRED) ? [GCP_ZONES_FORMAT] : []),
  ];
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every format with the columns its header must have, for error messages. */
export function knownHeaders(): string {
  return [
    ...OFFERING_FORMATS.map((f) => `${f.name} (${f.required.join(',')})`),
    `${GCP_ZONES_FORMAT} (${GCP_ZONES_REQUIRED.join(',')})`,
  ].join('; ');
}
