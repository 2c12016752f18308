import { describe, expect, it } from 'vitest';
import { findOffers, offeringId, type OfferQuery } from '../../src/cloud/index.js';
import { catalog, offering } from './builders.js';

const c = catalog(
  offering({ spotPerHourMicros: 28_000_000, spotInterruptionBand: '5-10%' }),
  offering({ region: 'us-east-2', spotPerHourMicros: 14_000_000 }),
  offering({ region: 'ap-northeast-1', onDemandPerHourMicros: 68_800_000 }),
  offering({ instanceType: 'p5.4xlarge', gpuCount: 1, onDemandPerHourMicros: 6_880_000 }),
  offering({
    cloud: 'gcp',
    region: 'us-central1',
    instanceType: 'a3-highgpu-8g',
    onDemandPerHourMicros: 88_490_000,
    spotPerHourMicros: 51_000_000,
  }),
  offering({
    cloud: 'gcp',
    region: 'us-central1',
    instanceType: 'a2-ultragpu-8g',
    gpuModel: 'A100-80GB',
    onDemandPerHourMicros: 40_550_000,
  }),
  offering({
    cloud: 'azure',
    region: 'eastus',
    instanceType: 'Standard_NC4as_T4_v3',
    gpuModel: 'T4',
    gpuCount: 1,
    onDemandPerHourMicros: 526_000,
    spotPerHourMicros: 63_000,
  }),
  offering({
    cloud: 'azure',
    region: 'eastus',
    instanceType: 'Standard_NC64as_T4_v3',
    gpuModel: 'T4',
    gpuCount: 4,
    onDemandPerHourMicros: 4_352_000,
  }),
  offering({
    region: 'us-west-1',
    instanceType: 'cpu.only',
    gpuCount: 0,
    onDemandPerHourMicros: 1,
  }),
);

describe('findOffers', () => {
  it.each<[string, OfferQuery, string[]]>([
    [
      '8 × H100 on demand, cheapest first, equal prices by id',
      { gpuModels: ['H100'], minGpus: 8, maxGpus: 8, market: 'on-demand' },
      [
        'aws/us-east-1/p5.48xlarge',
        'aws/us-east-2/p5.48xlarge',
        'aws/ap-northeast-1/p5.48xlarge',
        'gcp/us-central1/a3-highgpu-8g',
      ],
    ],
    [
      'an alias in any case',
      { gpuModels: ['h100-80gb'], minGpus: 8, maxGpus: 8, market: 'on-demand', clouds: ['gcp'] },
      ['gcp/us-central1/a3-highgpu-8g'],
    ],
    [
      'spot: spot prices, offerings without one left out',
      { gpuModels: ['H100'], market: 'spot' },
      ['aws/us-east-2/p5.48xlarge', 'aws/us-east-1/p5.48xlarge', 'gcp/us-central1/a3-highgpu-8g'],
    ],
    [
      'at least 4 GPUs of two models',
      { gpuModels: ['t4', 'A100-80GB'], minGpus: 4, market: 'on-demand' },
      ['azure/eastus/Standard_NC64as_T4_v3', 'gcp/us-central1/a2-ultragpu-8g'],
    ],
    [
      'any GPU, clouds and regions',
      { market: 'on-demand', clouds: ['aws', 'azure'], regions: ['us-east-1', 'eastus'] },
      [
        'azure/eastus/Standard_NC4as_T4_v3',
        'azure/eastus/Standard_NC64as_T4_v3',
        'aws/us-east-1/p5.4xlarge',
        'aws/us-east-1/p5.48xlarge',
      ],
    ],
    [
      'a maximum price per hour, in the asked market',
      { market: 'spot', maxPricePerHourMicros: 28_000_000 },
      [
        'azure/eastus/Standard_NC4as_T4_v3',
        'aws/us-east-2/p5.48xlarge',
        'aws/us-east-1/p5.48xlarge',
      ],
    ],
    ['no match', { gpuModels: ['B200'], market: 'on-demand' }, []],
    ['offerings without GPUs never match', { market: 'on-demand', regions: ['us-west-1'] }, []],
  ])('%s', (_, query, expected) => {
    expect(findOffers(c, query).map((o) => offeringId(o.offering))).toEqual(expected);
  });

  it('prices per hour and per GPU-hour in the asked market', () => {
    const [spot] = findOffers(c, { gpuModels: ['H100'], market: 'spot', regions: ['us-east-1'] });
    expect(spot).toMatchObject({
      market: 'spot',
      pricePerHourMicros: 28_000_000,
      pricePerGpuHourMicros: 3_500_000,
      offering: { spotInterruptionBand: '5-10%', source: 's' },
    });
    const [onDemand] = findOffers(c, { gpuModels: ['T4'], minGpus: 4, market: 'on-demand' });
    expect(onDemand?.pricePerGpuHourMicros).toBe(1_088_000);
  });

  it('breaks equal hourly prices by the price per GPU-hour', () => {
    const twins = catalog(
      offering({ instanceType: 'b.one', gpuCount: 1, onDemandPerHourMicros: 8_000_000 }),
      offering({ instanceType: 'a.eight', gpuCount: 8, onDemandPerHourMicros: 8_000_000 }),
      offering({ instanceType: 'c.two', gpuCount: 2, onDemandPerHourMicros: 8_000_000 }),
    );
    expect(findOffers(twins, { market: 'on-demand' }).map((o) => o.offering.instanceType)).toEqual([
      'a.eight',
      'c.two',
      'b.one',
    ]);
  });
});
