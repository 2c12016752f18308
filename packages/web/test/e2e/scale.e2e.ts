import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, signInWithToken, startRoam, type Roam } from './harness.js';

const API = '/apis/roam.dev/v1alpha1';
const NODES = 5000;
const WORKLOADS = 20_000;

/** Scrolls an element by `step` pixels a frame for `frames` frames; the frame times, sorted (ms). */
const SCROLL = `async ([selector, step, frames]) => {
  const el = document.querySelector(selector);
  const times = [];
  let last = performance.now();
  for (let i = 0; i < frames; i++) {
    el.scrollTop += step;
    await new Promise((r) => requestAnimationFrame(r));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return times.sort((a, b) => a - b);
}`;

/** Median and 95th percentile of sorted frame times. */
function frames(sorted: number[]): { p50: number; p95: number } {
  const at = (q: number): number =>
    Math.round(sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN);
  return { p50: at(0.5), p95: at(0.95) };
}

async function scroll(
  page: Page,
  selector: string,
  step: number,
  count: number,
): Promise<{ p50: number; p95: number }> {
  return frames(
    (await page.evaluate(`(${SCROLL})(${JSON.stringify([selector, step, count])})`)) as number[],
  );
}

/** 5,000 nodes in one pool, four queues, and 20,000 workloads of mixed sizes, through the API. */
async function populate(roam: Roam): Promise<void> {
  await roam.api('PUT', `${API}/nodepools/big`, {
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'NodePool',
    metadata: { name: 'big' },
    spec: {
      static: {
        machines: [
          { count: NODES * 0.8, gpuModel: 'A100', gpus: 8, cpu: 96, memory: '1Ti' },
          { count: NODES * 0.2, gpuModel: 'T4', gpus: 4, cpu: 48, memory: '192Gi' },
        ],
      },
    },
  });
  const queues = ['team-a', 'team-b', 'team-c', 'team-d'];
  for (const q of queues)
    await roam.api('PUT', `${API}/queues/${q}`, {
      apiVersion: 'roam.dev/v1alpha1',
      kind: 'Queue',
      metadata: { name: q },
      spec: { quota: [{ nodePool: 'big', deservedGpus: 7500 }] },
    });
  const gpus = [0.25, 0.5, 1, 1, 2, 4];
  const classes = ['training', 'inference', 'interactive'];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let k = next++; k < WORKLOADS; k = next++)
      await roam.api('POST', `${API}/workloads`, {
        apiVersion: 'roam.dev/v1alpha1',
        kind: 'Workload',
        metadata: { name: `w-${String(k).padStart(5, '0')}` },
        spec: {
          queue: queues[k % queues.length],
          class: classes[k % classes.length],
          template: { gpu: gpus[k % gpus.length], cpu: 1, memory: '4Gi' },
        },
      });
  };
  await Promise.all(Array.from({ length: 64 }, worker));
}

describe('the dashboard at 5,000 nodes and 20,000 workloads', () => {
  let roam: Roam;
  let browser: Browser;
  let page: Page;
  const measured: Record<string, unknown> = {};

  beforeAll(async () => {
    roam = await startRoam(1, ['--store', 'memory', '--no-demo']);
    await populate(roam);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInWithToken(page, roam.adminToken);
  }, 180_000);

  afterAll(async () => {
    console.log(JSON.stringify({ scale: { nodes: NODES, workloads: WORKLOADS }, ...measured }));
    await browser?.close();
    await roam?.stop();
  });

  it('lists 20,000 workloads in a few seconds and scrolls them at frame rate', async () => {
    const started = Date.now();
    await page.goto(`${roam.url}/#/workloads`);
    await page.locator('.vtable-count').getByText('20,000 rows').waitFor({ timeout: 30_000 });
    measured.workloadsReadyMs = Date.now() - started;
    expect(
      await page.getByRole('grid', { name: 'Workloads' }).getByRole('row').count(),
    ).toBeLessThan(60);
    measured.tableScroll250 = await scroll(page, '.vtable-body', 250, 180);
    measured.tableScroll900 = await scroll(page, '.vtable-body', 900, 120);
    expect(measured.workloadsReadyMs).toBeLessThan(10_000);
    // A table that rendered every row would take seconds a frame.
    expect((measured.tableScroll250 as { p50: number }).p50).toBeLessThan(34);
    expect((measured.tableScroll250 as { p95: number }).p95).toBeLessThan(100);
  });

  it('draws 5,000 nodes on the fleet map and scrolls it at frame rate', async () => {
    const started = Date.now();
    await page.goto(`${roam.url}/#/fleet`);
    await page.getByRole('application', { name: /Fleet map of 5000 nodes/ }).waitFor();
    measured.fleetReadyMs = Date.now() - started;
    measured.fleetScroll = await scroll(page, '.fleet-scroll', 600, 120);
    expect((measured.fleetScroll as { p50: number }).p50).toBeLessThan(34);
    expect((measured.fleetScroll as { p95: number }).p95).toBeLessThan(100);
  });
});
