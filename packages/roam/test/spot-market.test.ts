import type { CatalogOffering } from '@roam/core';
import { builtinCatalog } from '@roam/adapters';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudOfZone, spotMarket } from '../src/spot-market.js';

describe('the spot market of roam up', () => {
  it.each([
    ['us-east-1a', 'aws'],
    ['us-central1-b', 'gcp'],
    ['eastus-2', 'azure'],
    ['moon-base', undefined],
  ])('tells the cloud of zone %s', (zone, cloud) => {
    expect(cloudOfZone(zone)).toBe(cloud);
  });

  it('replays a trace in the zones it covers, from the world’s start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roam-trace-'));
    const file = join(dir, 'trace.csv');
    const header =
      'trace_set,kind,cloud,region,zone,az_id,instance_type,gpu,nodes_probed,gap_seconds,tick,elapsed_seconds,timestamp,value,spot_price_usd_per_hour';
    // us-east-1a: spot for the first hour, none in the second.
    const rows = Array.from(
      { length: 12 },
      (_, t) =>
        `s,availability,aws,us-east-1,us-east-1a,,p3.2xlarge,V100x1,1,600,${t},${600 * t},,${t < 6 ? 1 : 0},`,
    );
    writeFileSync(file, [header, ...rows].join('\n'));
    const start = Date.UTC(2026, 0, 1);
    const market = (await spotMarket(file, 1))(start);
    const offering = builtinCatalog().offerings.find(
      (o): o is CatalogOffering => o.cloud === 'aws' && o.region === 'us-east-1',
    );
    if (offering === undefined)
      throw new Error('the built-in catalog has no AWS us-east-1 offering');
    const place = { offering, zone: 'us-east-1a' };
    expect(market.quote(place, start + 30 * 60_000).available).toBe(true);
    expect(market.quote(place, start + 90 * 60_000).available).toBe(false);
  });

  it('says why a trace cannot be used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roam-trace-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'trace_set,zone,gap_seconds,tick,value\ns,moon-base,600,0,1\n');
    await expect(spotMarket(file, 1)).rejects.toThrow(/cannot tell the cloud of zone moon-base/);
  });
});
