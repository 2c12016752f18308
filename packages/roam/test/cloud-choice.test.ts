import { builtinCatalog } from '@roam/adapters';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chooseCloud, type CloudFlags } from '../src/cloud-choice.js';
import { scratchDir } from './up-process.js';

const flags = (over: Partial<CloudFlags>): CloudFlags => ({
  cloud: 'sim',
  spotTrace: undefined,
  seed: 1,
  speed: 1,
  durable: false,
  dataDir: scratchDir(),
  ...over,
});

/** A config file with `content` (JSON unless a string). */
function file(content: unknown): string {
  const path = join(scratchDir(), 'aws.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const good = {
  regions: {
    'us-east-1': { launchTemplate: 'roam-gpu-node', subnets: { 'us-east-1a': 'subnet-1' } },
  },
};

describe('roam up --cloud', () => {
  const saved = { ...process.env };
  beforeEach(() => {
    // No credentials anywhere, and no instance metadata service to wait for.
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    process.env.AWS_CONFIG_FILE = join(scratchDir(), 'none');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(scratchDir(), 'none');
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it('is the simulated multi-cloud by default', async () => {
    const choice = await chooseCloud(flags({}), builtinCatalog());
    expect(choice.description).toBe('simulated multi-cloud');
  });

  it.each([
    [{ cloud: 'gcp' }, /--cloud must be sim or aws:FILE, got gcp/],
    [{ cloud: `aws:${file(good)}`, speed: 10 }, /--speed is for the simulated cloud/],
    [{ cloud: `aws:${file(good)}`, spotTrace: 't.csv' }, /--spot-trace is for the simulated cloud/],
    [
      { cloud: 'aws:/nonexistent/aws.json' },
      /--cloud aws:\/nonexistent\/aws.json: cannot read it as JSON/,
    ],
    [{ cloud: `aws:${file('{')}` }, /cannot read it as JSON/],
    [
      { cloud: `aws:${file({ regions: { 'us-east-1': { subnets: {} } } })}` },
      /aws\.json: regions\.us-east-1\.launchTemplate must name/,
    ],
  ])('refuses %j with a reason', async (over, error) => {
    await expect(chooseCloud(flags(over), builtinCatalog())).rejects.toThrow(error);
  });

  it('with AWS, reads EC2 before starting, and says how credentials are found when it cannot', async () => {
    await expect(
      chooseCloud(flags({ cloud: `aws:${file(good)}` }), builtinCatalog()),
    ).rejects.toThrow(/cannot reach EC2 \(.*\); credentials come from the AWS SDK's default chain/);
  }, 20_000);
});
