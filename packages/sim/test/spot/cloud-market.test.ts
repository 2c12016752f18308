import type { CatalogOffering } from '@roam/core';
import { builtinCatalog } from '@roam/adapters';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spotMarket } from '../../src/spot/cloud-market.js';

const HEADER =
  'trace_set,kind,cloud,region,zone,az_id,instance_type,gpu,nodes_probed,gap_seconds,tick,elapsed_seconds,timestamp,value,spot_price_usd_per_hour';

/** Writes `lines` to a file `name` in a new temporary directory; returns its path. */
function writeTrace(name: string, lines: readonly string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'roam-trace-')), name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Twelve 10-minute ticks of p3.2xlarge in one zone: spot for the first hour only. */
function hourOfSpot(region: string, zone: string, price: string): string[] {
  return Array.from(
    { length: 12 },
    (_, t) =>
      `s,availability,aws,${region},${zone},,p3.2xlarge,V100x1,1,600,${t},${600 * t},,${t < 6 ? 1 : 0},${price}`,
  );
}

/** The built-in catalog's AWS us-east-1 offering of `instanceType`. */
function awsOffering(instanceType: string): CatalogOffering {
  const found = builtinCatalog().offerings.find(
    (o): o is CatalogOffering =>
      o.cloud === 'aws' && o.region === 'us-east-1' && o.instanceType === instanceType,
  );
  if (found === undefined) throw new Error(`no AWS us-east-1 ${instanceType} in the catalog`);
  return found;
}

describe('the spot market of a simulated cloud', () => {
  it('replays a trace in the zones it covers, from the world’s start', async () => {
    // us-east-1a: spot for the first hour, none in the second.
    const file = writeTrace('trace.csv', [HEADER, ...hourOfSpot('us-east-1', 'us-east-1a', '')]);
    const start = Date.UTC(2026, 0, 1);
    const market = (await spotMarket(file, 1))(start);
    const place = { offering: awsOffering('p3.2xlarge'), zone: 'us-east-1a' };
    expect(market.quote(place, start + 30 * 60_000).available).toBe(true);
    expect(market.quote(place, start + 90 * 60_000).available).toBe(false);
    // The simulated cloud offers the traced zones in the traced region.
    expect(market.zones?.('aws', 'us-east-1')).toEqual(['us-east-1a']);
    expect(market.zones?.('aws', 'us-west-2')).toBeUndefined();
  });

  it('replays each recorded instance type for its own offering, the zone’s first for the rest', async () => {
    // us-east-1a: p3.2xlarge (first in the file) has spot for the first hour at $0.90 then
    // $1.10; p3.16xlarge never has spot.
    const row = (type: string, t: number, value: number, price: string) =>
      `s,availability,aws,us-east-1,us-east-1a,,${type},V100,1,600,${t},${600 * t},,${value},${price}`;
    const rows = Array.from({ length: 12 }, (_, t) => [
      row('p3.2xlarge', t, t < 6 ? 1 : 0, t < 3 ? '0.9' : '1.1'),
      row('p3.16xlarge', t, 0, ''),
    ]).flat();
    const file = writeTrace('two-types.csv', [HEADER, ...rows]);
    const market = (await spotMarket(file, 1))(0);
    const at = (type: string, minutes: number) =>
      market.quote({ offering: awsOffering(type), zone: 'us-east-1a' }, minutes * 60_000);
    expect(at('p3.2xlarge', 10)).toEqual({ available: true, pricePerHourMicros: 900_000 });
    expect(at('p3.2xlarge', 40).pricePerHourMicros).toBe(1_100_000);
    expect(at('p3.16xlarge', 10).available).toBe(false);
    // Another type replays the zone's first series from an offset of its own, its price
    // scaled so that the series' mean ($1.05) is the catalog's spot price.
    const g5 = awsOffering('g5.xlarge').spotPerHourMicros ?? Number.NaN;
    const scaled = (usd: number) => Math.round((usd * 1e6 * g5) / 1_050_000);
    const recorded = Array.from({ length: 12 }, (_, t) =>
      t < 6 ? scaled(t < 3 ? 0.9 : 1.1) : 'none',
    );
    const replayed = Array.from({ length: 12 }, (_, t) => {
      const q = at('g5.xlarge', 10 * t + 5);
      return q.available ? q.pricePerHourMicros : 'none';
    });
    const shifts = recorded
      .map((_, shift) => shift)
      .filter((shift) => replayed.every((q, t) => q === recorded[(t + shift) % 12]));
    expect(shifts).toHaveLength(1);
  });

  it('reads the regions of a trace without a region column from its zone names', async () => {
    const file = writeTrace('no-region.csv', [HEADER, ...hourOfSpot('', 'us-east-1b', '0.5')]);
    const market = (await spotMarket(file, 1))(0);
    expect(market.zones?.('aws', 'us-east-1')).toEqual(['us-east-1b']);
    // The recorded type replays its own series, at its recorded price.
    const place = { offering: awsOffering('p3.2xlarge'), zone: 'us-east-1b' };
    expect(market.quote(place, 30 * 60_000)).toEqual({
      available: true,
      pricePerHourMicros: 500_000,
    });
    expect(market.quote(place, 90 * 60_000).available).toBe(false);
  });

  it('says why a trace cannot be used', async () => {
    const file = writeTrace('bad.csv', [
      'trace_set,zone,gap_seconds,tick,value',
      's,moon-base,600,0,1',
      '',
    ]);
    await expect(spotMarket(file, 1)).rejects.toThrow(/cannot tell the cloud of zone moon-base/);
  });
});
