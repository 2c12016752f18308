import { DEFAULT_DATA_DIR, loadCatalog } from '@roam/adapters';
import {
  catalogGpuModels,
  findOffers,
  formatCpu,
  formatDollars,
  formatMemory,
  MICROS_PER_DOLLAR,
  offeringView,
  resolveGpuModel,
  type Catalog,
  type Offer,
  type OfferQuery,
} from '@roam/core';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../../io.js';
import { table } from '../../table.js';
import { positiveNumber } from '../sim/options.js';
import { cloudsOption, commaList, integerOption, readingCatalog } from './options.js';

/** The help of `roam offers`. */
export const offersHelp = `Usage: roam offers [--gpu MODEL[,MODEL...]] [--count N | --min-count N] [--spot]
                   [--cloud aws|gcp|azure[,...]] [--region R[,R...]] [--max-price USD]
                   [--limit N] [--data-dir DIR] [-o json|wide]

Lists the cloud GPU offerings that match, cheapest first: by price per instance-hour in
the asked market, then per GPU-hour. It searches Roam's built-in catalog with what
'roam catalog import' saved in the data directory over it. Prices are USD per hour: list
prices on demand; with --spot, typical spot prices (the built-in ones are estimates), and
offerings without a spot price are left out.

  --gpu MODEL      GPU model in any spelling, case-insensitive: H100, h100-80gb, A100-80GB,
                   nvidia-tesla-t4; several separated by commas match any of them
  --count N        exactly N GPUs per instance; --min-count N: at least N
  --spot           spot instead of on-demand
  --cloud, --region  only these clouds, regions (comma-separated)
  --max-price USD  at most this price per instance-hour
  --limit N        show the N cheapest (default 20; 0 shows all)
  --data-dir DIR   Roam's data directory (default ./${DEFAULT_DATA_DIR})
  -o json          the matches as JSON; -o wide adds zones, the on-demand price and the source`;

const DEFAULT_LIMIT = 20;

/** `roam offers`: the cheapest matching offerings across clouds. */
export async function offersCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      gpu: { type: 'string' },
      count: { type: 'string' },
      'min-count': { type: 'string' },
      spot: { type: 'boolean', default: false },
      cloud: { type: 'string' },
      region: { type: 'string' },
      'max-price': { type: 'string' },
      limit: { type: 'string' },
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      output: { type: 'string', short: 'o' },
    },
  });
  const output = values.output;
  if (output !== undefined && output !== 'json' && output !== 'wide')
    throw new UsageError(`-o must be json or wide, got ${output}`);
  const count = integerOption('count', values.count, 1);
  const minCount = integerOption('min-count', values['min-count'], 1);
  if (count !== undefined && minCount !== undefined)
    throw new UsageError('--count and --min-count exclude each other: give one');
  const clouds = cloudsOption(values.cloud);
  const maxPrice =
    values['max-price'] === undefined
      ? undefined
      : positiveNumber('max-price', values['max-price'], 0);
  const limit = integerOption('limit', values.limit, 0) ?? DEFAULT_LIMIT;
  const catalog = await readingCatalog(() => loadCatalog(values['data-dir']));
  const regions = commaList(values.region);
  checkRegions(catalog, regions);
  const query: OfferQuery = {
    market: values.spot ? 'spot' : 'on-demand',
    ...(values.gpu !== undefined ? { gpuModels: gpuModels(catalog, values.gpu) } : {}),
    ...(count !== undefined ? { minGpus: count, maxGpus: count } : {}),
    ...(minCount !== undefined ? { minGpus: minCount } : {}),
    ...(clouds ? { clouds } : {}),
    ...(regions ? { regions } : {}),
    ...(maxPrice !== undefined
      ? { maxPricePerHourMicros: Math.round(maxPrice * MICROS_PER_DOLLAR) }
      : {}),
  };
  const offers = findOffers(catalog, query);
  const shown = limit === 0 ? offers : offers.slice(0, limit);
  if (output === 'json') {
    io.out(
      JSON.stringify(
        shown.map((o) => toJson(o, catalog)),
        null,
        2,
      ),
    );
    return 0;
  }
  if (offers.length === 0) {
    io.out(`no offerings match: ${describeQuery(query)}`);
    return 0;
  }
  io.out(render(shown, output === 'wide'));
  if (shown.length < offers.length)
    io.out(`\n${shown.length} of ${offers.length} matches shown; --limit 0 shows all`);
  io.out(`\nprices from ${sourcesLine(catalog, shown)}`);
  return 0;
}

/** The canonical models of `--gpu`; an unknown one is refused with the known names. */
function gpuModels(catalog: Catalog, text: string): string[] {
  const names = commaList(text) ?? [];
  if (names.length === 0) throw new UsageError('--gpu needs a GPU model, e.g. --gpu H100');
  return names.map((name) => {
    const resolved = resolveGpuModel(name, catalogGpuModels(catalog));
    if (!resolved.ok) throw new UsageError(`--gpu: ${resolved.reason}`);
    return resolved.value;
  });
}

/** Refuses a region no offering of the catalog is in, listing those that are. */
function checkRegions(catalog: Catalog, regions: readonly string[] | undefined): void {
  const known = new Set(catalog.offerings.map((o) => o.region));
  for (const region of regions ?? [])
    if (!known.has(region))
      throw new UsageError(
        `--region: no offering in ${JSON.stringify(region)}; regions: ${[...known].sort().join(', ')}`,
      );
}

/** The query in words, for "no offerings match". */
function describeQuery(query: OfferQuery): string {
  const parts = [
    query.gpuModels ? query.gpuModels.join(' or ') : 'any GPU',
    query.minGpus === undefined
      ? undefined
      : query.maxGpus === query.minGpus
        ? `${query.minGpus} per instance`
        : `at least ${query.minGpus} per instance`,
    query.market,
    query.clouds ? `on ${query.clouds.join(',')}` : undefined,
    query.regions ? `in ${query.regions.join(',')}` : undefined,
    query.maxPricePerHourMicros !== undefined
      ? `at most ${formatDollars(query.maxPricePerHourMicros)}/h`
      : undefined,
  ];
  return parts.filter((p) => p !== undefined).join(', ');
}

/** The offers as a table, cheapest first. */
function render(offers: readonly Offer[], wide: boolean): string {
  const header = [
    'CLOUD',
    'REGION',
    'INSTANCE TYPE',
    'GPUS',
    'GPU MEM',
    'VCPU',
    'MEMORY',
    '$/H',
    '$/GPU-H',
    'MARKET',
    'INTERRUPTION',
    ...(wide ? ['ON-DEMAND $/H', 'ZONES', 'SOURCE'] : []),
  ];
  const rows = offers.map(({ offering: o, market, pricePerHourMicros, pricePerGpuHourMicros }) => [
    o.cloud,
    o.region,
    o.instanceType,
    `${o.gpuCount}×${o.gpuModel}`,
    o.gpuMemoryMiB > 0 ? formatMemory(o.gpuMemoryMiB) : '-',
    formatCpu(o.cpuMilli),
    formatMemory(o.memoryMiB),
    formatDollars(pricePerHourMicros),
    formatDollars(pricePerGpuHourMicros),
    market,
    market === 'spot' ? (o.spotInterruptionBand ?? '-') : '-',
    ...(wide ? [formatDollars(o.onDemandPerHourMicros), o.zones.join(',') || '-', o.source] : []),
  ]);
  return table(header, rows);
}

/** The sources of the shown offers with their as-of dates. */
function sourcesLine(catalog: Catalog, offers: readonly Offer[]): string {
  const used = new Set(offers.map((o) => o.offering.source));
  return catalog.sources
    .filter((s) => used.has(s.name))
    .map((s) => `${s.name} (as of ${s.asOf ?? 'unknown'})`)
    .join(', ');
}

const dollars = (micros: number): number => micros / MICROS_PER_DOLLAR;

/** One offer as JSON: the offering's view, the market and prices, and the source's as-of date. */
function toJson(
  { offering: o, market, pricePerHourMicros, pricePerGpuHourMicros }: Offer,
  catalog: Catalog,
): unknown {
  const source = catalog.sources.find((s) => s.name === o.source);
  return {
    ...offeringView(o),
    market,
    pricePerHour: dollars(pricePerHourMicros),
    pricePerGpuHour: dollars(pricePerGpuHourMicros),
    ...(source?.asOf !== undefined ? { asOf: source.asOf } : {}),
  };
}
