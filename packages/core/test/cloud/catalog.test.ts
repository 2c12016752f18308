import { describe, expect, it } from 'vitest';
import {
  catalogGpuModels,
  EMPTY_CATALOG,
  isAsOfDate,
  mergeCatalogs,
  offeringId,
  summariseCatalog,
  type Catalog,
} from '../../src/cloud/index.js';
import { catalog, offering } from './builders.js';

const ids = (c: Catalog): string[] => c.offerings.map((o) => `${offeringId(o)}@${o.source}`);
const sources = (c: Catalog): string[] => c.sources.map((s) => s.name);

describe('mergeCatalogs', () => {
  const builtin = catalog(
    offering({ source: 'builtin' }),
    offering({ source: 'builtin', region: 'us-west-2' }),
    offering({
      source: 'builtin',
      cloud: 'gcp',
      region: 'us-central1',
      instanceType: 'a3-highgpu-8g',
    }),
  );

  it.each<[string, Catalog[], string[], string[]]>([
    ['nothing', [], [], []],
    ['one catalog', [builtin], ids(builtin), ['builtin']],
    [
      'an imported row overrides the built-in one with the same id, in its place',
      [builtin, catalog(offering({ source: 'aws.csv', onDemandPerHourMicros: 1 }))],
      [
        'aws/us-east-1/p5.48xlarge@aws.csv',
        'aws/us-west-2/p5.48xlarge@builtin',
        'gcp/us-central1/a3-highgpu-8g@builtin',
      ],
      ['builtin', 'aws.csv'],
    ],
    [
      'new rows follow in layer order',
      [builtin, catalog(offering({ source: 'aws.csv', region: 'eu-west-1' }))],
      [...ids(builtin), 'aws/eu-west-1/p5.48xlarge@aws.csv'],
      ['builtin', 'aws.csv'],
    ],
    [
      'a source imported again replaces all its earlier rows',
      [
        catalog(
          offering({ source: 'aws.csv' }),
          offering({ source: 'aws.csv', region: 'eu-west-1' }),
        ),
        catalog(offering({ source: 'aws.csv', region: 'us-west-2' })),
      ],
      ['aws/us-west-2/p5.48xlarge@aws.csv'],
      ['aws.csv'],
    ],
    [
      'a source left without rows is dropped',
      [catalog(offering({ source: 'old.csv' })), catalog(offering({ source: 'new.csv' }))],
      ['aws/us-east-1/p5.48xlarge@new.csv'],
      ['new.csv'],
    ],
  ])('%s', (_, layers, expectedIds, expectedSources) => {
    const merged = mergeCatalogs(...layers);
    expect(ids(merged)).toEqual(expectedIds);
    expect(sources(merged)).toEqual(expectedSources);
  });

  it('takes the later description of a source of the same name', () => {
    const later: Catalog = {
      sources: [{ name: 'builtin', description: 'newer', asOf: '2026' }],
      offerings: [offering({ source: 'builtin' })],
    };
    expect(mergeCatalogs(builtin, later).sources).toEqual(later.sources);
  });

  it('leaves its inputs alone', () => {
    const before = JSON.stringify(builtin);
    mergeCatalogs(builtin, catalog(offering({ source: 'x' })));
    expect(JSON.stringify(builtin)).toBe(before);
    expect(EMPTY_CATALOG).toEqual({ sources: [], offerings: [] });
  });
});

describe('isAsOfDate', () => {
  it.each([
    ['2025', true],
    ['2025-11', true],
    ['2025-11-30', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13', false],
    ['2025-00-10', false],
    ['2025-1-5', false],
    ['30.11.2025', false],
    ['', false],
  ])('%j → %s', (text, ok) => {
    expect(isAsOfDate(text)).toBe(ok);
  });
});

describe('catalogGpuModels and summariseCatalog', () => {
  const c = catalog(
    offering({ source: 'a', gpuModel: 'L4' }),
    offering({ source: 'a', gpuModel: 'H100', region: 'us-west-2' }),
    offering({ source: 'a', cloud: 'gcp', region: 'us-east1', gpuModel: 'L4' }),
    offering({ source: 'b', cloud: 'azure', region: 'eastus', gpuModel: 'T4' }),
  );

  it('lists the distinct models, sorted', () => {
    expect(catalogGpuModels(c)).toEqual(['H100', 'L4', 'T4']);
  });

  it('counts offerings per source and cloud, regions and models', () => {
    expect(summariseCatalog(c)).toEqual([
      {
        source: { name: 'a', description: 'source a' },
        offerings: 3,
        byCloud: { aws: 2, gcp: 1 },
        regions: 3,
        gpuModels: ['H100', 'L4'],
      },
      {
        source: { name: 'b', description: 'source b' },
        offerings: 1,
        byCloud: { azure: 1 },
        regions: 1,
        gpuModels: ['T4'],
      },
    ]);
  });
});
