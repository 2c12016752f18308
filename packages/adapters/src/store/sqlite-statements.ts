import type { SqliteDatabase, SqliteValue } from './sqlite-driver.js';
import type { ChangeRow, EventRow, ObjectRow, TokenRow } from './rows.js';

/** The counters row: the highest resourceVersion and event seq. */
export interface SqliteCounters {
  readonly version: number;
  readonly eventSeq: number;
}

const objectColumns = 'kind, key, resource_version AS resourceVersion, doc AS json';
const changeColumns = 'resource_version AS resourceVersion, type, kind, key, doc AS json';
const tokenColumns = 'hash, name, role, queues, created_at AS createdAt';

/**
 * A prepared statement with its parameters and row shape: what the SQL promises, which
 * SQLite cannot check (it is the same trust better-sqlite3's generics ask for).
 */
export interface Statement<Params extends SqliteValue[], Row = never> {
  run(...params: Params): unknown;
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
}

function prepare<Params extends SqliteValue[], Row = never>(
  db: SqliteDatabase,
  sql: string,
): Statement<Params, Row> {
  return db.prepare(sql) as Statement<Params, Row>;
}

/** Every statement a SqliteStore runs. */
export interface SqliteStatements {
  readonly object: Statement<[string, string], ObjectRow>;
  readonly objects: Statement<[string], ObjectRow>;
  readonly objectVersion: Statement<[string, string], { readonly resourceVersion: number }>;
  readonly changes: Statement<[number, number], ChangeRow>;
  readonly counters: Statement<[], SqliteCounters>;
  readonly events: Statement<[number, number], EventRow>;
  readonly token: Statement<[string], TokenRow>;
  readonly tokens: Statement<[], TokenRow>;
  readonly putObject: Statement<[string, string, number, string]>;
  readonly deleteObject: Statement<[string, string]>;
  readonly logChange: Statement<[number, string, string, string, string | null]>;
  readonly appendEvent: Statement<[number, number, string]>;
  readonly putToken: Statement<[string, string, string, string, number]>;
  readonly deleteToken: Statement<[string]>;
  readonly setCounters: Statement<[number, number]>;
}

/** Prepares every statement a SqliteStore runs, once, on its database. */
export function prepareSqliteStatements(db: SqliteDatabase): SqliteStatements {
  return {
    object: prepare<[string, string], ObjectRow>(
      db,
      `SELECT ${objectColumns} FROM objects WHERE kind = ? AND key = ?`,
    ),
    objects: prepare<[string], ObjectRow>(
      db,
      `SELECT ${objectColumns} FROM objects WHERE kind = ? ORDER BY key`,
    ),
    objectVersion: prepare<[string, string], { readonly resourceVersion: number }>(
      db,
      'SELECT resource_version AS resourceVersion FROM objects WHERE kind = ? AND key = ?',
    ),
    changes: prepare<[number, number], ChangeRow>(
      db,
      `SELECT ${changeColumns} FROM changes WHERE resource_version > ?
       ORDER BY resource_version LIMIT ?`,
    ),
    counters: prepare<[], SqliteCounters>(
      db,
      'SELECT version, event_seq AS eventSeq FROM counters WHERE id = 1',
    ),
    events: prepare<[number, number], EventRow>(
      db,
      'SELECT seq, at, data AS json FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    token: prepare<[string], TokenRow>(db, `SELECT ${tokenColumns} FROM tokens WHERE hash = ?`),
    tokens: prepare<[], TokenRow>(db, `SELECT ${tokenColumns} FROM tokens ORDER BY name, hash`),
    putObject: prepare<[string, string, number, string]>(
      db,
      `INSERT INTO objects (kind, key, resource_version, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, key) DO UPDATE
       SET resource_version = excluded.resource_version, doc = excluded.doc`,
    ),
    deleteObject: prepare<[string, string]>(db, 'DELETE FROM objects WHERE kind = ? AND key = ?'),
    logChange: prepare<[number, string, string, string, string | null]>(
      db,
      'INSERT INTO changes (resource_version, type, kind, key, doc) VALUES (?, ?, ?, ?, ?)',
    ),
    appendEvent: prepare<[number, number, string]>(
      db,
      'INSERT INTO events (seq, at, data) VALUES (?, ?, ?)',
    ),
    putToken: prepare<[string, string, string, string, number]>(
      db,
      'INSERT OR REPLACE INTO tokens (hash, name, role, queues, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteToken: prepare<[string]>(db, 'DELETE FROM tokens WHERE hash = ?'),
    setCounters: prepare<[number, number]>(
      db,
      'UPDATE counters SET version = ?, event_seq = ? WHERE id = 1',
    ),
  };
}
