import type { CloudEvent, LaunchRequest } from '@roam/engine';
import { describe, expect, it } from 'vitest';
import { AwsCloud, parseAwsConfig } from '../../../src/cloud/aws/index.js';
import { catalogOf, offering } from '../fixtures.js';
import { ec2Error, FakeEc2 } from './fake-ec2.js';

const p3 = offering({ zones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
const gcp = offering({ cloud: 'gcp', region: 'us-central1', instanceType: 'a2-highgpu-1g' });
const west = offering({ region: 'us-west-2' });
const config = parseAwsConfig(
  {
    regions: {
      'us-east-1': {
        launchTemplate: 'roam-gpu-node',
        subnets: { 'us-east-1a': 'subnet-us-east-1a', 'us-east-1b': 'subnet-us-east-1b' },
      },
    },
  },
  'test',
);
const T0 = Date.UTC(2026, 10, 23, 12);

function setup() {
  const ec2 = new FakeEc2();
  let now = T0;
  const errors: Error[] = [];
  const cloud = new AwsCloud({
    config,
    catalog: catalogOf(p3, gcp, west),
    client: (region) => {
      if (region !== 'us-east-1') throw new Error(`no client for ${region}`);
      return ec2.api;
    },
    now: () => now,
    onError: (e) => errors.push(e),
  });
  const events: CloudEvent[] = [];
  cloud.subscribe((e) => events.push(e));
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { ec2, cloud, events, errors, settle, at: (t: number) => (now = t) };
}

const request = (fields: Partial<LaunchRequest> = {}): LaunchRequest => ({
  pool: 'burst',
  offeringId: 'aws/us-east-1/p3.2xlarge',
  zone: 'us-east-1b',
  market: 'on-demand',
  labels: { team: 'vision', 'deps.roam.dev/nvidia-driver': '550' },
  ...fields,
});

describe('AwsCloud', () => {
  it('offers the catalog’s AWS types in the configured zones, quoting the latest spot price of each', async () => {
    const { ec2, cloud } = setup();
    ec2.prices = [
      {
        InstanceType: 'p3.2xlarge',
        AvailabilityZone: 'us-east-1a',
        SpotPrice: '0.95',
        Timestamp: new Date(T0 - 60_000),
      },
      {
        InstanceType: 'p3.2xlarge',
        AvailabilityZone: 'us-east-1a',
        SpotPrice: '0.9',
        Timestamp: new Date(T0 - 3_600_000),
      },
      {
        InstanceType: 'p3.2xlarge',
        AvailabilityZone: 'us-east-1b',
        SpotPrice: '1.02',
        Timestamp: new Date(T0),
      },
    ];
    expect(cloud.market().map((m) => m.offering.zones)).toEqual([['us-east-1a', 'us-east-1b']]);
    expect(cloud.market()[0]?.spot.size).toBe(0);
    await cloud.poll();
    expect([...(cloud.market()[0]?.spot ?? [])]).toEqual([
      ['us-east-1a', { available: true, pricePerHourMicros: 950_000 }],
      ['us-east-1b', { available: true, pricePerHourMicros: 1_020_000 }],
    ]);
    const asked = ec2.calls.find((c) => c.name === 'DescribeSpotPriceHistoryCommand')?.input;
    expect(asked).toMatchObject({
      InstanceTypes: ['p3.2xlarge'],
      ProductDescriptions: ['Linux/UNIX'],
    });
  });

  it('launches on-demand from the launch template in the zone’s subnet, tagged to be read back, and tells when it is ready', async () => {
    const { ec2, cloud, events, settle } = setup();
    const id = cloud.launch(request());
    expect(cloud.instances()).toEqual([
      expect.objectContaining({ instanceId: id, state: 'booting', request: request() }),
    ]);
    await settle();
    const run = ec2.calls.find((c) => c.name === 'RunInstancesCommand')?.input;
    expect(run).toMatchObject({
      MinCount: 1,
      MaxCount: 1,
      ClientToken: id,
      InstanceType: 'p3.2xlarge',
      LaunchTemplate: { LaunchTemplateName: 'roam-gpu-node', Version: '$Default' },
      SubnetId: 'subnet-us-east-1b',
    });
    expect(run.InstanceMarketOptions).toBeUndefined();
    expect(run.TagSpecifications[0].Tags).toEqual(
      expect.arrayContaining([
        { Key: 'roam.dev/launch-id', Value: id },
        { Key: 'roam.dev/pool', Value: 'burst' },
        { Key: 'roam.dev/label/deps.roam.dev/nvidia-driver', Value: '550' },
      ]),
    );
    await cloud.poll();
    expect(events).toEqual([]);
    ec2.boot(ec2.id());
    await cloud.poll();
    expect(events).toEqual([{ type: 'ready', instanceId: id, node: expect.any(Object) }]);
    const ready = events[0];
    if (ready?.type !== 'ready') throw new Error('not ready');
    expect(ready.node).toMatchObject({
      name: `burst-${ec2.id()}`,
      pool: 'burst',
      market: 'on-demand',
      zone: 'us-east-1b',
      pricePerHourMicros: 3_060_000,
      labels: { team: 'vision', 'deps.roam.dev/nvidia-driver': '550' },
      cloud: { cloud: 'aws', instanceId: id, instanceType: 'p3.2xlarge' },
    });
  });

  it('bids for spot, tells the interruption EC2 marks 120 s ahead, then the reclaim', async () => {
    const { ec2, cloud, events, settle } = setup();
    const id = cloud.launch(request({ market: 'spot', bidPerHourMicros: 3_060_000 }));
    await settle();
    expect(
      ec2.calls.find((c) => c.name === 'RunInstancesCommand')?.input.InstanceMarketOptions,
    ).toEqual({
      MarketType: 'spot',
      SpotOptions: {
        SpotInstanceType: 'one-time',
        InstanceInterruptionBehavior: 'terminate',
        MaxPrice: '3.06',
      },
    });
    ec2.boot(ec2.id());
    await cloud.poll();
    ec2.mark(ec2.id(), new Date(T0 + 600_000));
    await cloud.poll();
    await cloud.poll();
    const node = `burst-${ec2.id()}`;
    expect(events.slice(1)).toEqual([
      { type: 'interruption-notice', instanceId: id, node, at: T0 + 720_000 },
    ]);
    expect(cloud.instances()[0]).toMatchObject({ state: 'running', reclaimAt: T0 + 720_000 });
    ec2.end(
      ec2.id(),
      'Server.SpotInstanceTermination',
      'Server.SpotInstanceTermination: Spot instance termination',
    );
    await cloud.poll();
    expect(events.at(-1)).toEqual({
      type: 'terminated',
      instanceId: id,
      node,
      reason: expect.stringMatching(/^reclaimed: EC2 took the spot capacity back in us-east-1b/),
    });
    expect(cloud.instances()).toEqual([]);
  });

  it('tells a launch EC2 refuses, or one that cannot be asked for, as launch-failed with the reason', async () => {
    const { ec2, cloud, events, settle } = setup();
    ec2.refuseNext = ec2Error(
      'InsufficientInstanceCapacity',
      'We currently do not have sufficient p3.2xlarge capacity',
    );
    const refused = cloud.launch(request({ market: 'spot' }));
    const noSubnet = cloud.launch(request({ zone: 'us-east-1c' }));
    const unknown = cloud.launch(request({ offeringId: 'aws/us-west-2/p3.2xlarge' }));
    await settle();
    expect(events).toEqual([
      { type: 'launch-failed', instanceId: noSubnet, reason: expect.stringMatching(/us-east-1c/) },
      {
        type: 'launch-failed',
        instanceId: unknown,
        reason: 'unknown offering aws/us-west-2/p3.2xlarge',
      },
      {
        type: 'launch-failed',
        instanceId: refused,
        reason:
          'EC2 refused the launch: InsufficientInstanceCapacity: We currently do not have sufficient p3.2xlarge capacity',
      },
    ]);
    expect(ec2.calls.filter((c) => c.name === 'RunInstancesCommand')).toHaveLength(1);
    expect(cloud.instances()).toEqual([]);
  });

  it('terminates an instance asked to end before EC2 answered the launch, once it has; the end is Roam’s', async () => {
    const { ec2, cloud, events, settle } = setup();
    let answer = (): void => undefined;
    ec2.hold = new Promise((r) => (answer = r));
    const id = cloud.launch(request());
    cloud.terminate(id);
    cloud.terminate(id);
    expect(cloud.instances().map((i) => i.state)).toEqual(['terminating']);
    answer();
    await settle();
    await settle();
    expect(
      ec2.calls.filter((c) => c.name === 'TerminateInstancesCommand').map((c) => c.input),
    ).toEqual([{ InstanceIds: [ec2.id()] }]);
    await cloud.poll();
    expect(events).toEqual([
      { type: 'terminated', instanceId: id, node: '', reason: 'terminated by Roam' },
    ]);
  });

  it('after a restart, takes over what EC2 runs for Roam from its tags, without events', async () => {
    const first = setup();
    const running = first.cloud.launch(request({ market: 'spot', bidPerHourMicros: 2_000_000 }));
    const booting = first.cloud.launch(request({ zone: 'us-east-1a' }));
    const gone = first.cloud.launch(request());
    await first.settle();
    first.ec2.boot(first.ec2.id(0));
    first.ec2.end(first.ec2.id(2), 'Client.UserInitiatedShutdown');
    // A new adapter (a restarted control plane) over the same EC2 account.
    const again = new AwsCloud({
      config,
      catalog: catalogOf(p3),
      client: () => first.ec2.api,
      now: () => T0,
    });
    const events: CloudEvent[] = [];
    again.subscribe((e) => events.push(e));
    await again.poll();
    expect(events).toEqual([]);
    expect(again.instances()).toEqual([
      {
        instanceId: running,
        state: 'running',
        request: request({ market: 'spot', bidPerHourMicros: 2_000_000 }),
        node: expect.objectContaining({ name: `burst-${first.ec2.id(0)}`, market: 'spot' }),
      },
      { instanceId: booting, state: 'booting', request: request({ zone: 'us-east-1a' }) },
    ]);
    expect(again.instances().map((i) => i.instanceId)).not.toContain(gone);
    // One whose offering the catalog no longer has is listed without a node, and said so.
    const errors: Error[] = [];
    const narrower = new AwsCloud({
      config,
      catalog: catalogOf(offering({ instanceType: 'p4d.24xlarge' })),
      client: () => first.ec2.api,
      now: () => T0,
      onError: (e) => errors.push(e),
    });
    await narrower.poll();
    expect(narrower.instances()[0]).toEqual({
      instanceId: running,
      state: 'running',
      request: request({ market: 'spot', bidPerHourMicros: 2_000_000 }),
    });
    expect(errors.map((e) => e.message)).toEqual([
      `instance ${first.ec2.id(0)} cannot be a node: unknown offering aws/us-east-1/p3.2xlarge`,
    ]);
    // What it took over it watches like its own.
    first.ec2.boot(first.ec2.id(1));
    again.terminate(running);
    await again.poll();
    expect(events.map((e) => [e.type, e.instanceId])).toEqual([
      ['terminated', running],
      ['ready', booting],
    ]);
  });

  it('tells an instance that vanished from EC2 or was ended by someone else as terminated, saying so', async () => {
    const { ec2, cloud, events, settle } = setup();
    const a = cloud.launch(request());
    const b = cloud.launch(request());
    await settle();
    ec2.boot(ec2.id(0));
    ec2.boot(ec2.id(1));
    await cloud.poll();
    ec2.end(ec2.id(0), 'Client.UserInitiatedShutdown', 'User initiated shutdown');
    ec2.forget(ec2.id(1));
    await cloud.poll();
    expect(events.slice(2).map((e) => [e.instanceId, e.type === 'terminated' && e.reason])).toEqual(
      [
        [a, 'ended outside Roam: User initiated shutdown'],
        [b, 'ended outside Roam: EC2 no longer lists it'],
      ],
    );
  });
});

describe('parseAwsConfig', () => {
  it('takes a launch template and subnets per region, with defaults', () => {
    expect(config).toEqual({
      regions: {
        'us-east-1': {
          launchTemplate: 'roam-gpu-node',
          launchTemplateVersion: '$Default',
          subnets: { 'us-east-1a': 'subnet-us-east-1a', 'us-east-1b': 'subnet-us-east-1b' },
        },
      },
      pollSeconds: 15,
    });
  });

  it.each([
    [[], /\(the whole file\) must be a JSON object/],
    [{ regions: {} }, /regions must map at least one region/],
    [{ regions: { 'us-east': {} } }, /regions\.us-east is not an AWS region name/],
    [
      { regions: { 'us-east-1': { subnets: { 'us-east-1a': 'subnet-1' } } } },
      /regions\.us-east-1\.launchTemplate must name/,
    ],
    [
      { regions: { 'us-east-1': { launchTemplate: 't', subnets: {} } } },
      /regions\.us-east-1\.subnets must map/,
    ],
    [
      { regions: { 'us-east-1': { launchTemplate: 't', subnets: { 'us-west-2a': 'subnet-1' } } } },
      /subnets\.us-west-2a is not a zone of us-east-1/,
    ],
    [
      { regions: { 'us-east-1': { launchTemplate: 't', subnets: { 'us-east-1a': 'sn-1' } } } },
      /subnets\.us-east-1a must be a subnet id/,
    ],
    [
      {
        regions: { 'us-east-1': { launchTemplate: 't', subnets: { 'us-east-1a': 'subnet-1' } } },
        pollSeconds: 0,
      },
      /pollSeconds must be/,
    ],
  ])('refuses %j, naming the field', (input, error) => {
    expect(() => parseAwsConfig(input, 'aws.json')).toThrow(error);
  });
});

describe('AwsCloud polling', () => {
  it('polls every pollSeconds until closed, also when closed during a poll', async () => {
    const ec2 = new FakeEc2();
    const waits: { fn: () => void; ms: number }[] = [];
    const cloud = new AwsCloud({
      config,
      catalog: catalogOf(p3),
      client: () => ec2.api,
      now: () => T0,
      timers: {
        setTimeout: (fn, ms) => waits.push({ fn, ms }),
        clearTimeout: () => undefined,
      },
    });
    const polls = () => ec2.calls.filter((c) => c.name === 'DescribeInstancesCommand').length;
    cloud.start();
    expect(waits.map((w) => w.ms)).toEqual([15_000]);
    waits[0]?.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(polls()).toBe(1);
    expect(waits).toHaveLength(2);
    waits[1]?.fn();
    cloud.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(polls()).toBe(2);
    expect(waits).toHaveLength(2);
  });
});
