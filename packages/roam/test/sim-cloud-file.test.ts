import type { SimCloudSnapshot } from '@roam/adapters';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSimCloud, writeSimCloud } from '../src/sim-cloud-file.js';
import { scratchDir } from './up-process.js';

const snapshot: SimCloudSnapshot = {
  version: 1,
  at: 1000,
  instances: [
    {
      id: 'sim-0000000a',
      node: 'burst-aws-0000000a',
      state: 'booting',
      request: {
        pool: 'burst',
        offeringId: 'aws/p3.2xlarge',
        zone: '',
        market: 'on-demand',
        labels: {},
      },
      bootAt: 2000,
    },
  ],
};

describe('the simulated cloud file', () => {
  it('reads back what was written, and nothing when there is no file', () => {
    const file = join(scratchDir(), 'sim-cloud.json');
    expect(readSimCloud(file)).toBeUndefined();
    writeSimCloud(file, snapshot);
    expect(readSimCloud(file)).toEqual(snapshot);
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it.each([
    ['{', /sim-cloud\.json: not JSON/],
    ['{"version":2,"instances":[]}', /version must be 1/],
    ['{"version":1}', /instances must be a list/],
    ['{"version":1,"instances":[{"id":"a","state":"gone"}]}', /instances\[0\]\.state must be/],
    [
      '{"version":1,"instances":[{"id":"a","state":"running","request":{}}]}',
      /instances\[0\]\.request must name/,
    ],
  ])('refuses %s, naming the file and what is wrong', (text, error) => {
    const file = join(scratchDir(), 'sim-cloud.json');
    writeFileSync(file, text);
    expect(() => readSimCloud(file)).toThrow(error);
  });
});
