import { describe, expect, it } from 'vitest';
import { detectSpotFormat, parseSpotTrace, selectZones } from '../../src/index.js';

const CANT_BE_LATE = [
  'trace_set,kind,cloud,region,zone,az_id,instance_type,gpu,nodes_probed,gap_seconds,tick,elapsed_seconds,timestamp,value,spot_price_usd_per_hour',
  'a/1,availability,aws,us-east-1,us-east-1a,use1-az2,p3.2xlarge,V100x1,1,600,0,0,,1,0.9',
  'a/1,availability,aws,us-east-1,us-east-1a,use1-az2,p3.2xlarge,V100x1,1,600,1,600,,0,0.95',
  'a/1,availability,aws,us-east-1,us-east-1b,use1-az4,p3.2xlarge,V100x1,1,600,0,0,,1,',
  'a/1,availability,aws,us-east-1,us-east-1b,use1-az4,p3.2xlarge,V100x1,1,600,1,600,,1,',
].join('\n');

const A100 = [
  'trace_set,zone,region,source_file_stem,gap_seconds,tick,elapsed_seconds,value',
  'GCP1,asia-northeast1-a,asia-northeast1,x,150,0,0,1',
  'GCP1,asia-northeast1-a,asia-northeast1,x,150,1,150,0',
].join('\n');

const PROBES = [
  'timestamp_utc,run_id,region,zone,instances_requested,instances_created,capacity_exhausted_detected,available',
  '2025-10-04T00:10:00Z,r1,us-central1,us-central1-a,16,16,0,1',
  '2025-10-04T00:20:00Z,r2,us-central1,us-central1-a,16,0,1,0',
  '2025-10-04T00:40:00Z,r3,us-central1,us-central1-a,16,16,0,1',
].join('\n');

describe('spot trace readers', () => {
  it.each([
    { text: CANT_BE_LATE, format: 'cant-be-late' },
    { text: A100, format: 'spothedge-a100' },
    { text: PROBES, format: 'skynomad-h100' },
  ])('detects $format from the header', ({ text, format }) => {
    expect(detectSpotFormat(text.split('\n')[0] ?? '')).toBe(format);
  });

  it('reads the Can’t Be Late long format: one series per zone, prices where given', () => {
    const trace = parseSpotTrace(CANT_BE_LATE, 't.csv');
    expect(trace.series.map((s) => s.name)).toEqual(['us-east-1a', 'us-east-1b']);
    const [a, b] = trace.series;
    expect(Array.from(a?.counts ?? [])).toEqual([1, 0]);
    expect(a?.tickMs).toBe(600_000);
    expect(Array.from(a?.spotPriceUsd ?? [])).toEqual([0.9, 0.95]);
    expect(Number.isNaN(b?.spotPriceUsd[0])).toBe(true);
  });

  it('reads probes on their 10-minute grid, a missing round counting as unavailable', () => {
    const [zone] = parseSpotTrace(PROBES, 'p.csv').series;
    expect(Array.from(zone?.counts ?? [])).toEqual([1, 0, 0, 1]);
    expect(zone?.missingTicks).toBe(1);
  });

  it.each([
    { text: 'a,b,c\n1,2,3', error: /^x\.csv:1: header: is not a spot trace header/ },
    {
      text: A100.replace('150,1,150,0', '150,1,150,yes'),
      error: /^x\.csv:3: value: /,
    },
    {
      text: PROBES.replace('2025-10-04T00:20:00Z', 'yesterday'),
      error: /^x\.csv:3: timestamp_utc: must be a UTC time/,
    },
  ])('rejects a malformed file with file:line: column: reason ($error)', ({ text, error }) => {
    expect(() => parseSpotTrace(text, 'x.csv')).toThrow(error);
  });
});

describe('choosing the zones of a run', () => {
  const trace = parseSpotTrace(CANT_BE_LATE, 't.csv');

  it('takes one zone by name, or all of them', () => {
    expect(selectZones(trace, { zone: 'us-east-1a' }).map((m) => m.name)).toEqual(['us-east-1a']);
    expect(selectZones(trace, { zone: 'all', spotPriceUsd: 1 })).toHaveLength(2);
  });

  it.each([
    {
      zone: 'us-west-2a',
      error: /zone us-west-2a is not in t\.csv; it has us-east-1a, us-east-1b/,
    },
    { zone: 'us-east-1b', error: /no spot price for some ticks with spot: give a spot price/ },
  ])('says what is wrong with $zone', ({ zone, error }) => {
    expect(() => selectZones(trace, { zone })).toThrow(error);
  });

  it('fills missing prices from the given spot price, in micro-dollars', () => {
    const [b] = selectZones(trace, { zone: 'us-east-1b', spotPriceUsd: 1.25 });
    expect(Array.from(b?.spotPrice ?? [])).toEqual([1_250_000, 1_250_000]);
  });
});

describe('the GCP price history', () => {
  const HISTORY = [
    'snapshot_utc,commit,generated_field,machine_type,gpu_key,gpu_type,gpu_count,vcpus,memory_gb,region,ondemand_usd_per_hour,spot_usd_per_hour',
    '2024-01-01T00:00:00Z,c1,,a3-highgpu-8g,h100,H100,8,208,1872,us-central1,88.49,',
    '2024-01-03T12:00:00Z,c2,,a3-highgpu-8g,h100,H100,8,208,1872,us-central1,88.49,61.9',
    '2024-01-05T00:00:00Z,c3,,a3-highgpu-8g,h100,H100,8,208,1872,us-central1,88.49,20.4',
  ].join('\n');

  it('is detected and read as daily prices, spot offered from its first price', () => {
    expect(detectSpotFormat(HISTORY.split('\n')[0] ?? '')).toBe('gcp-price-history');
    const trace = parseSpotTrace(HISTORY, 'h.csv');
    const [s] = trace.series;
    expect(s?.name).toBe('us-central1/a3-highgpu-8g');
    expect(s?.tickMs).toBe(86_400_000);
    // Days from 2024-01-01: no spot yet, none, 61.9 from the 3rd, 20.4 from the 5th.
    expect(Array.from(s?.counts ?? [])).toEqual([0, 0, 1, 1, 1]);
    expect(Array.from(s?.spotPriceUsd ?? []).slice(2)).toEqual([61.9, 61.9, 20.4]);
    expect(selectZones(trace, { zone: 'us-central1/a3-highgpu-8g' })).toHaveLength(1);
  });

  it.each([
    [
      HISTORY.replace('2024-01-05T00:00:00Z', '2023-12-01T00:00:00Z'),
      /^h\.csv:4: snapshot_utc: snapshots must come in time order/,
    ],
    [
      HISTORY.replace(',20.4', ',cheap'),
      /^h\.csv:4: spot_usd_per_hour: must be a price in USD per hour or empty, got "cheap"/,
    ],
  ])('rejects a malformed row (%#)', (text, error) => {
    expect(() => parseSpotTrace(text, 'h.csv')).toThrow(error);
  });
});
