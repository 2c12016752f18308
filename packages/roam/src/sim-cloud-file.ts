import type { SimCloudSnapshot } from '@roam/adapters';
import { UsageError } from '@roam/cli';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

/** The file, in the data directory, where `roam up` keeps the simulated cloud's instances. */
export const SIM_CLOUD_FILE = 'sim-cloud.json';

const STATES = new Set(['booting', 'running', 'terminating']);

/**
 * The simulated cloud's instances as saved by an earlier `roam up`, or undefined when
 * there is no such file. A file that cannot be read back is an error naming the file and
 * what is wrong in it (nothing is started on a half-read cloud).
 */
export function readSimCloud(file: string): SimCloudSnapshot | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const fail = (why: string): never => {
    throw new UsageError(
      `${file}: ${why}; it holds the simulated cloud's instances (move it away to start the cloud empty)`,
    );
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON (${(e as Error).message})`);
  }
  const snapshot = parsed as Partial<SimCloudSnapshot> | null;
  if (snapshot?.version !== 1) return fail('version must be 1');
  if (!Array.isArray(snapshot.instances)) return fail('instances must be a list');
  snapshot.instances.forEach((i, n) => {
    if (typeof i?.id !== 'string') fail(`instances[${n}].id must be a string`);
    if (!STATES.has(i.state)) fail(`instances[${n}].state must be booting, running or terminating`);
    if (typeof i.request?.pool !== 'string' || typeof i.request.offeringId !== 'string')
      fail(`instances[${n}].request must name a pool and an offeringId`);
  });
  return snapshot as SimCloudSnapshot;
}

/**
 * Saves the simulated cloud's instances: written to a temporary file, flushed to disk, then
 * renamed over the old one, so a crash leaves either the old file or the new one whole.
 */
export function writeSimCloud(file: string, snapshot: SimCloudSnapshot): void {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(snapshot));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
