import { describe, expect, it } from 'vitest';
import { catalogFromJson, catalogToJson } from '../../src/catalog/catalog-file.js';
import { builtinCatalog } from '../../src/catalog/builtin.js';

const file = (body: object): string =>
  JSON.stringify({ kind: 'RoamOfferingCatalog', version: 1, sources: [], offerings: [], ...body });
const source = { name: 'a.csv', description: 'test', asOf: '2025-11-30' };
const offering = {
  cloud: 'aws',
  region: 'us-east-1',
  zones: [],
  instanceType: 'p5.48xlarge',
  gpuModel: 'H100',
  gpuCount: 8,
  gpuMemoryMiB: 81920,
  cpuMilli: 192000,
  memoryMiB: 2097152,
  onDemandPerHourMicros: 55040000,
  source: 'a.csv',
};

describe('catalog files', () => {
  it('round-trip a catalog', () => {
    const catalog = builtinCatalog();
    expect(catalogFromJson(catalogToJson(catalog), 'c.json')).toEqual({ ok: true, catalog });
  });

  it('refuses text that is not JSON', () => {
    const read = catalogFromJson('{', 'c.json');
    expect(read.ok ? [] : read.errors).toEqual([expect.stringMatching(/^c\.json: not JSON: /)]);
  });

  it.each<[string, string, string[]]>([
    ['a list', '[]', ['c.json: the file: must be an object, got a list']],
    [
      'another kind and version',
      file({ kind: 'Workload', version: 2 }),
      [
        'c.json: kind: must be "RoamOfferingCatalog", got "Workload"',
        'c.json: version: must be 1, got 2',
      ],
    ],
    [
      'offerings that are not a list',
      file({ offerings: {} }),
      ['c.json: offerings: must be a list, got an object'],
    ],
    [
      'bad fields',
      file({
        sources: [{ ...source, asOf: 'last year' }],
        offerings: [
          { ...offering, cloud: 'ibm', gpuCount: 1.5, zones: [''], spotPerHourMicros: 0, extra: 1 },
        ],
      }),
      [
        'c.json: sources[0].asOf: must be a date YYYY-MM-DD, YYYY-MM or YYYY, got "last year"',
        'c.json: offerings[0].cloud: must be one of aws, gcp, azure, got "ibm"',
        'c.json: offerings[0].zones[0]: must be a non-empty string, got ""',
        'c.json: offerings[0].gpuCount: must be a positive integer, got 1.5',
        'c.json: offerings[0].spotPerHourMicros: must be a positive integer, got 0',
        'c.json: offerings[0].extra: unknown field',
      ],
    ],
    [
      'a missing field',
      file({ sources: [source], offerings: [{ ...offering, region: undefined }] }),
      ['c.json: offerings[0].region: must be a non-empty string, got undefined'],
    ],
    [
      'an unlisted source and a repeated offering',
      file({ sources: [source], offerings: [offering, { ...offering, source: 'b.csv' }] }),
      [
        'c.json: offerings[1].source: "b.csv" is not a listed source',
        'c.json: offerings[1]: repeats offerings[0] (aws/us-east-1/p5.48xlarge)',
      ],
    ],
  ])('refuse %s', (_, json, errors) => {
    expect(catalogFromJson(json, 'c.json')).toEqual({ ok: false, errors });
  });
});
