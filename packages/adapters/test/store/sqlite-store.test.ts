import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteStore, sqliteFileName } from '../../src/store/index.js';
import { openSqlite, sqliteDriverName } from '../../src/store/sqlite-driver.js';
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
    const db = openSqlite(join(dir, 'nested', 'data', sqliteFileName), { readOnly: true });
    try {
      expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      expect(db.prepare('SELECT version FROM schema_version').all()).toEqual([{ version: 1 }]);
    } finally {
      db.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("uses Node's built-in SQLite where Node.js has it, else better-sqlite3", () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const builtin = major > 22 || (major === 22 && minor >= 13);
    expect(sqliteDriverName()).toBe(builtin ? 'node:sqlite' : 'better-sqlite3');
  });

  it('refuses a database written by a newer schema', async () => {
    const dir = await tempDir();
    await (await SqliteStore.open(dir)).close();
    const db = openSqlite(join(dir, sqliteFileName));
    db.prepare('UPDATE schema_version SET version = 99').run();
    db.close();
    await expect(SqliteStore.open(dir)).rejects.toThrow(/schema version 99/);
    await rm(dir, { recursive: true, force: true });
  });
});
