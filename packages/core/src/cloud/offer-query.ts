import type { Catalog, CatalogOffering } from './catalog.js';
import { normaliseGpuModel } from './gpu-models.js';
import { offeringId, type Cloud, type PurchaseMarket } from './offering.js';

/** What someone wants to rent: every field left out matches anything. */
export interface OfferQuery {
  /** GPU models in any spelling (`h100-80gb`, `A100`); matches any of them. */
  readonly gpuModels?: readonly string[];
  /** GPUs per instance, at least. */
  readonly minGpus?: number;
  /** GPUs per instance, at most (equal to `minGpus` for an exact count). */
  readonly maxGpus?: number;
  /** Spot asks for offerings with a spot price and compares spot prices. */
  readonly market: PurchaseMarket;
  readonly clouds?: readonly Cloud[];
  readonly regions?: readonly string[];
  /** Highest price per instance-hour in the asked market, micro-dollars. */
  readonly maxPricePerHourMicros?: number;
}

/** An offering that matches a query, priced in the asked market. */
export interface Offer {
  readonly offering: CatalogOffering;
  readonly market: PurchaseMarket;
  /** Price per instance-hour in `market`, micro-dollars. */
  readonly pricePerHourMicros: number;
  /** The same per GPU, micro-dollars per GPU-hour, rounded. */
  readonly pricePerGpuHourMicros: number;
}

/**
 * The offerings of a catalog that match a query, cheapest first: by price per hour in the
 * asked market (the spot price when spot is asked; offerings without one are left out),
 * then by price per GPU-hour, then by offering id so equal prices keep a stable order.
 * Offerings without GPUs never match.
 */
export function findOffers(catalog: Catalog, query: OfferQuery): Offer[] {
  const models =
    query.gpuModels && query.gpuModels.length > 0
      ? new Set(query.gpuModels.map((m) => normaliseGpuModel(m).toUpperCase()))
      : undefined;
  const clouds = query.clouds && query.clouds.length > 0 ? new Set(query.clouds) : undefined;
  const regions = query.regions && query.regions.length > 0 ? new Set(query.regions) : undefined;
  const offers: { offer: Offer; id: string }[] = [];
  for (const o of catalog.offerings) {
    if (o.gpuCount <= 0) continue;
    if (models && !models.has(o.gpuModel.toUpperCase())) continue;
    if (query.minGpus !== undefined && o.gpuCount < query.minGpus) continue;
    if (query.maxGpus !== undefined && o.gpuCount > query.maxGpus) continue;
    if (clouds && !clouds.has(o.cloud)) continue;
    if (regions && !regions.has(o.region)) continue;
    const price = query.market === 'spot' ? o.spotPerHourMicros : o.onDemandPerHourMicros;
    if (price === undefined) continue;
    if (query.maxPricePerHourMicros !== undefined && price > query.maxPricePerHourMicros) continue;
    const offer: Offer = {
      offering: o,
      market: query.market,
      pricePerHourMicros: price,
      pricePerGpuHourMicros: Math.round(price / o.gpuCount),
    };
    offers.push({ offer, id: offeringId(o) });
  }
  offers.sort(
    (a, b) =>
      a.offer.pricePerHourMicros - b.offer.pricePerHourMicros ||
      a.offer.pricePerGpuHourMicros - b.offer.pricePerGpuHourMicros ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return offers.map((x) => x.offer);
}
