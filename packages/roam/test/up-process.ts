import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/roam.js', import.meta.url).pathname;

/** A `roam up` child process and how to talk to it. */
export interface UpProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly token: string;
  readonly output: () => string;
}

/** A free local TCP port. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A fresh directory for a test's data and CLI config. */
export function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'roam-up-'));
}

/** Starts `roam up` on `dir` and waits until it listens. */
export async function startUp(dir: string, port: number, extra: string[] = []): Promise<UpProcess> {
  const env = { ...process.env, ROAM_CONFIG: join(dir, 'config.json') };
  const child = spawn(
    process.execPath,
    [bin, 'up', '--data-dir', join(dir, 'data'), '--listen', `127.0.0.1:${port}`, ...extra],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!out.includes('Press Ctrl-C to stop')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`roam up did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  const token = (JSON.parse(readFileSync(env.ROAM_CONFIG, 'utf8')) as { token: string }).token;
  return { child, url: `http://127.0.0.1:${port}`, token, output: () => out };
}

/** Stops a child with a signal and waits for it to exit. */
export async function stop(p: UpProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (p.child.exitCode !== null) return p.child.exitCode;
  const exited = new Promise<number | null>((ok) => p.child.once('exit', (code) => ok(code)));
  p.child.kill(signal);
  return exited;
}
