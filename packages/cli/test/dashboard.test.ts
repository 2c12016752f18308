import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserOpener, dashboardCommand } from '../src/commands/client/dashboard.js';
import type { Io } from '../src/io.js';

const TOKEN = 'secret';
const LINK = {
  kind: 'SigninLink',
  path: '/#/signin/abc123',
  code: 'abc123',
  expiresAt: '2030-01-01T00:05:00.000Z',
};

/** A stand-in for the API: answers sign-in link requests for one token. */
const seen: IncomingMessage[] = [];
const api = createServer((req, res) => {
  seen.push(req);
  res.setHeader('content-type', 'application/json');
  if (req.method !== 'POST' || req.url !== '/apis/roam.dev/v1alpha1/signinlinks')
    res.writeHead(404).end(JSON.stringify({ kind: 'Status', message: 'no such path' }));
  else if (req.headers.authorization !== `Bearer ${TOKEN}`)
    res.writeHead(401).end(JSON.stringify({ kind: 'Status', message: 'unknown token' }));
  else res.writeHead(201).end(JSON.stringify(LINK));
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
    read: async () => '',
  };
  const code = await dashboardCommand(args, io).catch((e: Error & { exitCode?: number }) => {
    err += e.message;
    return e.exitCode ?? -1;
  });
  return { code, out, err };
}

/** A folder holding a fake `xdg-open` that writes the URL it was given to `opened.txt`. */
function fakeOpener(): { dir: string; opened: string } {
  const dir = mkdtempSync(join(tmpdir(), 'roam-open-'));
  const opened = join(dir, 'opened.txt');
  writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\necho "$1" > ${opened}\n`);
  chmodSync(join(dir, 'xdg-open'), 0o755);
  return { dir, opened };
}

describe('roam dashboard', () => {
  let server = '';
  const scratch = mkdtempSync(join(tmpdir(), 'roam-dashboard-'));

  beforeAll(async () => {
    await new Promise<void>((ok) => api.listen(0, '127.0.0.1', ok));
    server = `http://127.0.0.1:${(api.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((ok) => api.close(() => ok())));
  beforeEach(() => {
    // Only what each test sets counts: no CLI config file, no display.
    vi.stubEnv('ROAM_CONFIG', join(scratch, 'no-config.json'));
    vi.stubEnv('ROAM_SERVER', undefined);
    vi.stubEnv('ROAM_TOKEN', undefined);
    vi.stubEnv('DISPLAY', undefined);
    vi.stubEnv('WAYLAND_DISPLAY', undefined);
  });
  afterEach(() => vi.unstubAllEnvs());

  it("prints the server's one-time link, asked for with the CLI's token", async () => {
    vi.stubEnv('DISPLAY', ':0');
    const r = await run(['--server', server, '--token', TOKEN, '--no-open']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${server}/#/signin/abc123\n`);
    expect(r.err).toContain('works once, until 2030-01-01T00:05:00.000Z');
    expect(seen.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('takes the server and token from the environment like the other client commands', async () => {
    vi.stubEnv('ROAM_SERVER', server);
    vi.stubEnv('ROAM_TOKEN', TOKEN);
    const r = await run(['--no-open']);
    expect(r.out).toBe(`${server}/#/signin/abc123\n`);
  });

  it('opens the link with xdg-open when there is a display', async () => {
    const { dir, opened } = fakeOpener();
    vi.stubEnv('PATH', `${dir}:${process.env.PATH ?? ''}`);
    vi.stubEnv('DISPLAY', ':0');
    const r = await run(['--server', server, '--token', TOKEN]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('opening the dashboard in your browser');
    const deadline = Date.now() + 5000;
    while (!existsSync(opened) && Date.now() < deadline)
      await new Promise((x) => setTimeout(x, 20));
    expect(readFileSync(opened, 'utf8').trim()).toBe(`${server}/#/signin/abc123`);
  });

  it('does not open anything without a display, or with --no-open', async () => {
    const { dir, opened } = fakeOpener();
    vi.stubEnv('PATH', `${dir}:${process.env.PATH ?? ''}`);
    expect((await run(['--server', server, '--token', TOKEN])).err).toContain(
      'open this link in a browser',
    );
    vi.stubEnv('DISPLAY', ':0');
    await run(['--server', server, '--token', TOKEN, '--no-open']);
    await new Promise((x) => setTimeout(x, 200));
    expect(existsSync(opened)).toBe(false);
  });

  it('still prints the link and succeeds when the opener cannot be started', async () => {
    vi.stubEnv('PATH', scratch);
    vi.stubEnv('DISPLAY', ':0');
    const r = await run(['--server', server, '--token', TOKEN]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${server}/#/signin/abc123\n`);
    expect(r.err).toContain('open this link in a browser');
  });

  it('reports a refused token as an API error (exit code 1)', async () => {
    const r = await run(['--server', server, '--token', 'wrong', '--no-open']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error (401): unknown token');
  });
});

describe('browserOpener', () => {
  it.each([
    ['darwin', {}, 'open'],
    ['linux', { DISPLAY: ':0' }, 'xdg-open'],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, 'xdg-open'],
    ['linux', {}, undefined],
    ['freebsd', { DISPLAY: ':1' }, 'xdg-open'],
    ['win32', { DISPLAY: ':0' }, undefined],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(browserOpener(platform, env)).toBe(expected);
  });
});
