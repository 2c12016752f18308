import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchChromium, screenshot, startRoam, type Roam } from './harness.js';

const API = '/apis/roam.dev/v1alpha1';
/** The world runs 600× faster: ten minutes a second. */
const SPEED = 600;

/**
 * A spot trace (Can't Be Late's format, 10-minute ticks, looping every 4 h) for AWS
 * us-east-1: spot only in us-east-1a for the first 2 h, then only in us-east-1b; from
 * 1 h 40 min both have it. A job launched on us-east-1a gets its reclaim notice at 2 h
 * minus AWS's 120 s, while us-east-1b has room to move to.
 */
function writeTrace(): string {
  const header =
    'trace_set,kind,cloud,region,zone,az_id,instance_type,gpu,nodes_probed,gap_seconds,tick,elapsed_seconds,timestamp,value,spot_price_usd_per_hour';
  const up = (zone: string, t: number): boolean =>
    zone === 'us-east-1a' ? t < 12 : zone === 'us-east-1b' ? t >= 10 : false;
  const rows = ['us-east-1a', 'us-east-1b', 'us-east-1c'].flatMap((zone) =>
    Array.from(
      { length: 24 },
      (_, t) =>
        `e2e,availability,aws,us-east-1,${zone},,p4d.24xlarge,A100x8,1,600,${t},${600 * t},,${up(zone, t) ? 1 : 0},`,
    ),
  );
  const file = join(mkdtempSync(join(tmpdir(), 'roam-e2e-trace-')), 'spot.csv');
  writeFileSync(file, [header, ...rows].join('\n'));
  return file;
}

describe('a spot reclaim and the move that answers it, in the dashboard', () => {
  let roam: Roam;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    roam = await startRoam(SPEED, ['--no-demo', '--spot-trace', writeTrace()]);
    await roam.api('POST', `${API}/nodepools`, {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'NodePool',
      metadata: { name: 'spot' },
      spec: {
        elastic: {
          clouds: ['aws'],
          regions: ['us-east-1'],
          gpuModels: ['A100'],
          market: 'spot',
          maxNodes: 3,
          idleTimeToLive: '10m',
        },
      },
    });
    await roam.api('POST', `${API}/queues`, {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Queue',
      metadata: { name: 'research' },
      spec: { quota: [{ nodePool: 'spot', deservedGpus: 16 }] },
    });
    await roam.api('POST', `${API}/workloads`, {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Workload',
      metadata: { name: 'finetune' },
      spec: {
        queue: 'research',
        class: 'training',
        nodePools: ['spot'],
        template: { gpu: 8, gpuModels: ['A100'], cpu: 32, memory: '256Gi' },
        checkpoint: { intervalMinutes: 20, sizeGi: 40 },
        capacity: { market: 'spot' },
        expectedDuration: '12h',
      },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    page.on('pageerror', (e) => {
      throw e;
    });
    const link = (await roam.cli(['dashboard', '--no-open'])).trim();
    await page.goto(link);
    await page.getByText('Live', { exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await roam?.stop();
  });

  it('shows the reclaim notice and the move on the spot timeline, with the node’s reclaim risk', async () => {
    await page.getByRole('link', { name: 'Spot market' }).click();
    await page.getByRole('table', { name: 'Spot nodes' }).waitFor();
    const timeline = page.locator('section', { has: page.locator('#moves') });
    await timeline
      .getByText(/spot reclaim notice/)
      .first()
      .waitFor({ timeout: 45_000 });
    await timeline
      .getByText(/moved \(reactive/)
      .first()
      .waitFor({ timeout: 45_000 });
    // The hazard Roam estimates, over time, beside the prices.
    await page.getByText('Reclaim risk Roam estimates per node, within the next hour').waitFor();
    await screenshot(page, 'spot-reclaim');
  });

  it('shows the move on the workload’s timeline, and the work running again in the other zone', async () => {
    await page.goto(`${roam.url}/#/workloads/finetune`);
    const events = page.locator('section[aria-labelledby="events"]');
    await events
      .getByText(/moved \(reactive/)
      .first()
      .waitFor();
    await events
      .getByText(/started.*us-east-1b|placed by roam.*spot-aws/)
      .first()
      .waitFor();
    await screenshot(page, 'workload-moved');
  });
});
