import { describe, expect, it } from 'vitest';
import { CostMeter, type PriceOverTime } from '../../src/cloud/cost-meter.js';

const HOUR = 3_600_000;
/** $1/h until 2 h, then $3/h. */
const stepped: PriceOverTime = {
  priceAt: (t) => (t < 2 * HOUR ? 1_000_000 : 3_000_000),
  nextChange: (t) => (t < 2 * HOUR ? 2 * HOUR : undefined),
};

describe('CostMeter', () => {
  it.each([
    [0, 0],
    [HOUR / 2, 500_000],
    [2 * HOUR, 2_000_000],
    [3 * HOUR, 5_000_000],
  ])('from the start to %i ms costs %i micro-dollars', (t, cost) => {
    expect(new CostMeter(stepped, 0).costAt(t)).toBe(cost);
  });

  it('sums across queries as time moves, and stops when told', () => {
    const meter = new CostMeter(stepped, HOUR);
    expect(meter.costAt(90 * 60_000)).toBe(500_000);
    expect(meter.costAt(3 * HOUR)).toBe(4_000_000);
    meter.stop(4 * HOUR);
    expect(meter.costAt(10 * HOUR)).toBe(7_000_000);
  });
});
