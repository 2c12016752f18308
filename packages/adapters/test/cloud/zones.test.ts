import type { Cloud } from '@roam/core';
import { describe, expect, it } from 'vitest';
import { cloudOfZone, offeringZones, regionOfZone } from '../../src/cloud/index.js';

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

describe('zone names', () => {
  it.each([
    ['us-east-1a', 'aws'],
    ['us-central1-b', 'gcp'],
    ['eastus-2', 'azure'],
    ['moon-base', undefined],
  ])('tells the cloud of zone %s', (zone, cloud) => {
    expect(cloudOfZone(zone)).toBe(cloud);
  });

  it.each([
    ['us-east-1a', 'us-east-1'],
    ['us-west-2-lax-1a', 'us-west-2'],
    ['us-gov-west-1a', 'us-gov-west-1'],
    ['us-central1-b', 'us-central1'],
    ['eastus-2', 'eastus'],
  ])('tells the region of zone %s', (zone, region) => {
    expect(regionOfZone(zone)).toBe(region);
  });
});
