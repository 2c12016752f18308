import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

const bin = new URL('../../../roam/bin/roam.js', import.meta.url).pathname;
/** Where the screenshots of every view go (linked from the README and docs/dashboard.md). */
export const SCREENSHOTS = new URL('../../../../docs/screenshots/', import.meta.url).pathname;

/** Debian's Chromium, headless, with nothing that reaches beyond this machine. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A running `roam up`, its CLI config, and how to reach it. */
export interface Roam {
  readonly url: string;
  readonly adminToken: string;
  readonly env: NodeJS.ProcessEnv;
  /** Runs the roam CLI against it; resolves with its standard output. */
  cli(args: string[]): Promise<string>;
  /** Calls the API with a token (the admin's by default). */
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Starts `roam up` with a world clock `speed` times faster, on a free port (`extra`: more flags). */
export async function startRoam(speed: number, extra: readonly string[] = []): Promise<Roam> {
  const dir = mkdtempSync(join(tmpdir(), 'roam-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    ROAM_CONFIG: join(dir, 'config.json'),
    ROAM_SERVER: undefined,
    ROAM_TOKEN: undefined,
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      'up',
      '--data-dir',
      join(dir, 'data'),
      '--listen',
      `127.0.0.1:${port}`,
      '--speed',
      String(speed),
      ...extra,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!out.includes('Press Ctrl-C to stop')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`roam up did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const url = `http://127.0.0.1:${port}`;
  const adminToken = (
    JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { token: string }
  ).token;
  const run = promisify(execFile);
  return {
    url,
    adminToken,
    env,
    cli: async (args) => (await run(process.execPath, [bin, ...args], { env })).stdout,
    api: async <T>(
      method: string,
      path: string,
      body?: unknown,
      token = adminToken,
    ): Promise<T> => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs a page in with a token, as if it had been pasted (kept for the tab). */
export async function signInWithToken(page: Page, token: string): Promise<void> {
  await page.addInitScript(`sessionStorage.setItem('roam.token', ${JSON.stringify(token)})`);
}

/** Saves a screenshot of the page as `docs/screenshots/<name>.png`, once the page has settled. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
