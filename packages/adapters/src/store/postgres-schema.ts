import type { PoolClient } from 'pg';
import { pendingMigrations } from './migrations.js';

/**
 * The schema, one migration per version, in the PostgreSQL schema `s`. Keys use the "C"
 * collation so `list` orders by code point, as the other stores do; documents are `json`
 * (kept as written, unlike `jsonb`). `counters` holds the global resourceVersion and the
 * event seq; every write transaction locks its row first (see PostgresStore).
 */
function migrations(s: string): string[] {
  return [
    `
    CREATE TABLE ${s}.counters (
      id integer PRIMARY KEY CHECK (id = 1),
      version bigint NOT NULL,
      event_seq bigint NOT NULL
    );
    INSERT INTO ${s}.counters (id, version, event_seq) VALUES (1, 0, 0);
    CREATE TABLE ${s}.objects (
      kind text COLLATE "C" NOT NULL,
      key text COLLATE "C" NOT NULL,
      resource_version bigint NOT NULL UNIQUE,
      doc json NOT NULL,
      PRIMARY KEY (kind, key)
    );
    CREATE TABLE ${s}.changes (
      resource_version bigint PRIMARY KEY,
      type text NOT NULL CHECK (type IN ('put', 'delete')),
      kind text NOT NULL,
      key text NOT NULL,
      doc json,
      CHECK ((type = 'put') = (doc IS NOT NULL))
    );
    CREATE TABLE ${s}.events (
      seq bigint PRIMARY KEY,
      at bigint NOT NULL,
      data json NOT NULL
    );
    CREATE TABLE ${s}.tokens (
      hash text COLLATE "C" PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      role text NOT NULL,
      queues json NOT NULL,
      created_at bigint NOT NULL
    );
    `,
  ];
}

/**
 * Creates the PostgreSQL schema `s` and its tables, or brings them up to date, in one
 * transaction under an advisory lock (so two processes opening at once do not race).
 */
export async function migratePostgres(client: PoolClient, s: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`roam-schema:${s}`]);
    const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [s]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE SCHEMA ${s}`);
    }
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_version (version integer NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM ${s}.schema_version`,
    );
    const all = migrations(s);
    const pending = pendingMigrations(rows[0]?.version ?? 0, all, `PostgreSQL schema ${s}`);
    for (const sql of pending) {
      await client.query(sql);
    }
    await client.query(`DELETE FROM ${s}.schema_version`);
    await client.query(`INSERT INTO ${s}.schema_version (version) VALUES ($1)`, [all.length]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
