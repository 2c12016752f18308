import { describe, expect, it } from 'vitest';
import { PriceFloor } from '../../src/mover/price-floor.js';
import type { CatalogOffering, MarketOffering } from '../../src/index.js';

const offer = (
  type: string,
  gpus: number,
  onDemand: number,
  zones: Record<string, number | undefined>,
): MarketOffering => ({
  offering: {
    cloud: 'aws',
    region: 'r',
    zones: Object.keys(zones),
    instanceType: type,
    gpuModel: 'A100',
    gpuCount: gpus,
    gpuMemoryMiB: 40_960,
    cpuMilli: 1000,
    memoryMiB: 1024,
    onDemandPerHourMicros: onDemand,
    spotPerHourMicros: onDemand / 2,
    source: 'test',
  } satisfies CatalogOffering,
  spot: new Map(
    Object.entries(zones).map(([z, p]) => [
      z,
      p === undefined ? { available: false } : { available: true, pricePerHourMicros: p },
    ]),
  ),
});

describe('PriceFloor', () => {
  const floor = new PriceFloor([
    offer('one', 1, 40, { a: 30, b: undefined }),
    offer('four', 4, 100, { a: 90 }),
    offer('eight', 8, 300, { a: undefined }),
  ]);
  it.each<[number, boolean, number]>([
    [0.5, false, 40], // a fraction needs one GPU
    [1, false, 40],
    [1, true, 30], // available spot only: zone b's spot is withdrawn
    [2, false, 100], // the cheapest with at least 2 GPUs
    [4, true, 90],
    [8, true, 300], // no spot available with 8 GPUs
    [16, false, Infinity], // nothing that large
  ])('work needing %d GPUs (spot %s): %d', (gpus, spot, expected) => {
    expect(floor.of(gpus, spot)).toBe(expected);
  });
});
