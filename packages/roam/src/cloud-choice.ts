import { SimCloud } from '@roam/adapters';
import type { AwsCloudConfig } from '@roam/adapters/aws';
import { UsageError } from '@roam/cli';
import { SeededRng, type Catalog } from '@roam/core';
import type { CloudPort } from '@roam/engine';
import type { WorldTimers } from '@roam/server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSimCloud, SIM_CLOUD_FILE, writeSimCloud } from './sim-cloud-file.js';
import { spotMarket } from '@roam/sim';

/** What `roam up` asked for: `--cloud`, and what the simulated cloud depends on. */
export interface CloudFlags {
  readonly cloud: string;
  readonly spotTrace: string | undefined;
  readonly seed: number;
  readonly speed: number;
  /** Whether the store survives a restart (the simulated cloud then keeps its instances). */
  readonly durable: boolean;
  readonly dataDir: string;
}

/** The cloud `roam up` buys capacity from, ready to hand to the control plane. */
export interface CloudChoice {
  /** Makes the cloud on the control plane's world timers. */
  readonly cloud: (world: WorldTimers) => CloudPort;
  /** For the start-up line. */
  readonly description: string;
  /** Stops what runs beside the control plane (polls). */
  close(): void;
}

/**
 * The cloud of `--cloud`: `sim` (default), the simulated multi-cloud, whose instances are
 * kept in the data directory when the store is durable; or `aws:FILE`, Amazon EC2 in the
 * regions FILE configures (JSON, see docs/operations.md), with the AWS SDK's default
 * credentials. EC2 is read once before this returns, so what it already runs for Roam is
 * taken over at start. Throws a UsageError naming what is wrong.
 */
export async function chooseCloud(flags: CloudFlags, catalog: Catalog): Promise<CloudChoice> {
  if (flags.cloud === 'sim') return simulated(flags, catalog);
  if (!flags.cloud.startsWith('aws:'))
    throw new UsageError(`--cloud must be sim or aws:FILE, got ${flags.cloud}`);
  if (flags.speed !== 1)
    throw new UsageError('--speed is for the simulated cloud: EC2 runs in real time');
  if (flags.spotTrace !== undefined)
    throw new UsageError('--spot-trace is for the simulated cloud: EC2 has its own market');
  const file = flags.cloud.slice('aws:'.length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`--cloud aws:${file}: cannot read it as JSON (${(e as Error).message})`);
  }
  // The AWS SDK is loaded only when EC2 is asked for (it takes a while to load).
  const { AwsCloud, ec2ClientFor, parseAwsConfig } = await import('@roam/adapters/aws');
  let config: AwsCloudConfig;
  try {
    config = parseAwsConfig(parsed, file);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const aws = new AwsCloud({
    config,
    catalog,
    client: ec2ClientFor,
    now: Date.now,
    onError: (e) => process.stderr.write(`roam: EC2: ${e.name}: ${e.message}\n`),
  });
  try {
    await aws.poll();
  } catch (e) {
    const err = e as Error;
    throw new UsageError(
      `cannot reach EC2 (${err.name}: ${err.message}); credentials come from the AWS SDK's default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws, an instance role)`,
    );
  }
  aws.start();
  return {
    cloud: () => aws,
    description: `AWS EC2 in ${Object.keys(config.regions).join(', ')}`,
    close: () => aws.close(),
  };
}

async function simulated(flags: CloudFlags, catalog: Catalog): Promise<CloudChoice> {
  const market = await spotMarket(flags.spotTrace, flags.seed);
  // The simulated cloud keeps its instances across restarts, as a real cloud does, unless
  // the store itself is not durable.
  const file = flags.durable ? join(flags.dataDir, SIM_CLOUD_FILE) : undefined;
  const restore = file !== undefined ? readSimCloud(file) : undefined;
  return {
    // The simulated multi-cloud: the catalog's offerings, a spot market (calibrated from
    // public traces, or replaying one), instances that boot, get reclaimed and bill, on
    // the world clock.
    cloud: (world) => {
      const cloud: SimCloud = new SimCloud({
        now: () => world.now(),
        schedule: (at, fn) => world.at(at, fn),
        catalog,
        rng: new SeededRng(flags.seed),
        market: market(world.now()),
        ...(restore ? { restore } : {}),
        ...(file !== undefined ? { onChange: () => writeSimCloud(file, cloud.snapshot()) } : {}),
      });
      return cloud;
    },
    description: 'simulated multi-cloud',
    close: () => undefined,
  };
}
