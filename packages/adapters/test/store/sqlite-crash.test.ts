import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store, StoreChange, StoredObject } from '@roam/engine';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/index.js';

const writer = fileURLToPath(new URL('./crash-writer.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/store/index.js', import.meta.url));

/** Keys the writer acknowledged before it died: complete lines only. */
function acknowledged(output: string): string[] {
  return output.split('\n').slice(0, -1);
}

/** Runs the writer on `dir` and kills it with SIGKILL once `count` puts were acknowledged. */
async function writeUntilKilled(dir: string, count: number): Promise<string[]> {
  const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
    if (acknowledged(output).length >= count) {
      child.kill('SIGKILL');
    }
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGKILL' });
  return acknowledged(output);
}

/** Checks the store agrees with itself: versions unique, objects as the change log says. */
async function expectConsistent(store: Store, kinds: readonly string[]): Promise<void> {
  const changes = await store.changes(0);
  const versions = changes.map((change) => change.resourceVersion);
  expect(versions.every((version, i) => i === 0 || version > (versions[i - 1] ?? 0))).toBe(true);
  expect(await store.currentVersion()).toBe(versions.at(-1) ?? 0);

  const last = new Map<string, StoreChange>();
  changes.forEach((change) => last.set(`${change.kind}/${change.key}`, change));
  const objects: StoredObject[] = (await Promise.all(kinds.map((kind) => store.list(kind)))).flat();
  expect(new Set(objects.map((object) => object.resourceVersion)).size).toBe(objects.length);
  for (const object of objects) {
    const change = last.get(`${object.kind}/${object.key}`);
    expect(change).toEqual({ type: 'put', ...object });
  }
  const live = [...last.values()].filter((change) => change.type === 'put');
  expect(live).toHaveLength(objects.length);
}

describe('SqliteStore after a crash', () => {
  it('keeps every acknowledged write when its process is killed mid-burst', async () => {
    if (!existsSync(built)) {
      throw new Error(`${built} is missing: build first (npm test runs tsc -b)`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'roam-crash-'));
    try {
      const keys = await writeUntilKilled(dir, 600);
      expect(keys.length).toBeGreaterThanOrEqual(600);

      const store = await SqliteStore.open(dir);
      try {
        for (const key of keys) {
          const i = Number(key.slice(1));
          const object = await store.get('Workload', key);
          expect(object?.doc, key).toEqual({ i, payload: 'x'.repeat(i % 200) });
        }
        await expectConsistent(store, ['Workload', 'Queue']);
        const after = await store.put('Workload', 'after-crash', {});
        expect(after.resourceVersion).toBe(await store.currentVersion());
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
