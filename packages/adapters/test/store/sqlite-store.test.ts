import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore, sqliteFileName } from '../../src/store/index.js';
import { storeContract } from './contract.js';

/** A fresh temporary directory for one test's database. */
async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'roam-sqlite-'));
}

storeContract(
  'SqliteStore',
  async () => {
    const dir = await tempDir();
    return {
      open: () => SqliteStore.open(dir),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  },
  { durable: true },
);

describe('SqliteStore', () => {
  it('keeps one file in WAL mode with synchronous=FULL and a schema version', async () => {
    const dir = await tempDir();
    const store = await SqliteStore.open(join(dir, 'nested', 'data'));
    await store.put('Workload', 'w', {});
    const db = new Database(join(dir, 'nested', 'data', sqliteFileName), { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }]);
    } finally {
      db.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a database written by a newer schema', async () => {
    const dir = await tempDir();
    await (await SqliteStore.open(dir)).close();
    const db = new Database(join(dir, sqliteFileName));
    db.prepare('UPDATE schema_version SET version = 99').run();
    db.close();
    await expect(SqliteStore.open(dir)).rejects.toThrow(/schema version 99/);
    await rm(dir, { recursive: true, force: true });
  });
});
