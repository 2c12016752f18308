import type { OfferingDoc } from '../api/types.js';

/** An offering as the spot view lists it (the API leaves the spec free-form, so it is read field by field). */
export interface OfferingRow {
  readonly name: string;
  readonly cloud: string;
  readonly region: string;
  readonly instanceType: string;
  readonly gpuModel: string;
  readonly gpuCount: number;
  readonly onDemandPerHour: number | undefined;
  readonly spotPerHour: number | undefined;
  /** Provider's interruption frequency band, e.g. `<5%`, when known. */
  readonly interruptionBand: string | undefined;
  /** Spot price per GPU-hour, else on-demand: what sorting by price uses. */
  readonly perGpuHour: number | undefined;
  /** Share saved by spot against on-demand, 0…1. */
  readonly spotDiscount: number | undefined;
}

const text = (x: unknown): string => (typeof x === 'string' ? x : '');
const num = (x: unknown): number | undefined =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;

/** The row of an offering document. */
export function offeringRow(o: OfferingDoc): OfferingRow {
  const s = (o.spec ?? {}) as Record<string, unknown>;
  const gpuCount = num(s.gpuCount) ?? 0;
  const onDemand = num(s.onDemandPerHour);
  const spot = num(s.spotPerHour);
  const price = spot ?? onDemand;
  return {
    name: o.metadata?.name ?? '',
    cloud: text(s.cloud),
    region: text(s.region),
    instanceType: text(s.instanceType),
    gpuModel: text(s.gpuModel),
    gpuCount,
    onDemandPerHour: onDemand,
    spotPerHour: spot,
    interruptionBand:
      typeof s.spotInterruptionBand === 'string' ? s.spotInterruptionBand : undefined,
    perGpuHour: price !== undefined && gpuCount > 0 ? price / gpuCount : undefined,
    spotDiscount:
      spot !== undefined && onDemand !== undefined && onDemand > 0
        ? 1 - spot / onDemand
        : undefined,
  };
}

/** The cheapest spot and on-demand price per GPU-hour of each GPU model. */
export interface ModelPrices {
  readonly gpuModel: string;
  readonly onDemandPerGpuHour: number | undefined;
  readonly spotPerGpuHour: number | undefined;
  readonly offerings: number;
}

/** Per GPU model, the cheapest on-demand and spot GPU-hour over all offerings, by model name. */
export function cheapestByModel(rows: readonly OfferingRow[]): ModelPrices[] {
  const byModel = new Map<string, { od?: number; spot?: number; n: number }>();
  const min = (a: number | undefined, b: number | undefined): number | undefined =>
    a === undefined ? b : b === undefined ? a : Math.min(a, b);
  for (const r of rows) {
    if (r.gpuCount === 0 || r.gpuModel === '') continue;
    const m = byModel.get(r.gpuModel) ?? { n: 0 };
    m.n++;
    m.od = min(m.od, r.onDemandPerHour !== undefined ? r.onDemandPerHour / r.gpuCount : undefined);
    m.spot = min(m.spot, r.spotPerHour !== undefined ? r.spotPerHour / r.gpuCount : undefined);
    byModel.set(r.gpuModel, m);
  }
  return [...byModel]
    .map(([gpuModel, m]) => ({
      gpuModel,
      onDemandPerGpuHour: m.od,
      spotPerGpuHour: m.spot,
      offerings: m.n,
    }))
    .sort((a, b) => (a.gpuModel < b.gpuModel ? -1 : 1));
}
