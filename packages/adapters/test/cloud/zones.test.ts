import type { Cloud } from '@roam/core';
import { describe, expect, it } from 'vitest';
import { offeringZones } from '../../src/cloud/index.js';

describe('offeringZones', () => {
  it.each([
    ['aws', 'us-east-1', [], ['us-east-1a', 'us-east-1b', 'us-east-1c']],
    ['gcp', 'us-central1', [], ['us-central1-a', 'us-central1-b', 'us-central1-c']],
    ['azure', 'eastus', [], ['eastus-1', 'eastus-2', 'eastus-3']],
    ['gcp', 'us-east4', ['us-east4-c'], ['us-east4-c']],
  ] satisfies [Cloud, string, string[], string[]][])(
    'gives %s in %s with catalog zones %j the zones %j',
    (cloud, region, zones, expected) => {
      expect(offeringZones({ cloud, region, zones })).toEqual(expected);
    },
  );
});
