import type { Database, Statement } from 'better-sqlite3';
import type { ChangeRow, EventRow, ObjectRow, TokenRow } from './rows.js';

/** The counters row: the highest resourceVersion and event seq. */
export interface SqliteCounters {
  readonly version: number;
  readonly eventSeq: number;
}

const objectColumns = 'kind, key, resource_version AS resourceVersion, doc AS json';
const changeColumns = 'resource_version AS resourceVersion, type, kind, key, doc AS json';
const tokenColumns = 'hash, name, role, queues, created_at AS createdAt';

/** Every statement a SqliteStore runs. */
export interface SqliteStatements {
  readonly object: Statement<[string, string], ObjectRow>;
  readonly objects: Statement<[string], ObjectRow>;
  readonly objectVersion: Statement<[string, string], number>;
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
export function prepareSqliteStatements(db: Database): SqliteStatements {
  return {
    object: db.prepare<[string, string], ObjectRow>(
      `SELECT ${objectColumns} FROM objects WHERE kind = ? AND key = ?`,
    ),
    objects: db.prepare<[string], ObjectRow>(
      `SELECT ${objectColumns} FROM objects WHERE kind = ? ORDER BY key`,
    ),
    objectVersion: db
      .prepare<[string, string], number>(
        'SELECT resource_version FROM objects WHERE kind = ? AND key = ?',
      )
      .pluck(),
    changes: db.prepare<[number, number], ChangeRow>(
      `SELECT ${changeColumns} FROM changes WHERE resource_version > ?
       ORDER BY resource_version LIMIT ?`,
    ),
    counters: db.prepare<[], SqliteCounters>(
      'SELECT version, event_seq AS eventSeq FROM counters WHERE id = 1',
    ),
    events: db.prepare<[number, number], EventRow>(
      'SELECT seq, at, data AS json FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
    ),
    token: db.prepare<[string], TokenRow>(`SELECT ${tokenColumns} FROM tokens WHERE hash = ?`),
    tokens: db.prepare<[], TokenRow>(`SELECT ${tokenColumns} FROM tokens ORDER BY name, hash`),
    putObject: db.prepare<[string, string, number, string]>(
      `INSERT INTO objects (kind, key, resource_version, doc) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, key) DO UPDATE
       SET resource_version = excluded.resource_version, doc = excluded.doc`,
    ),
    deleteObject: db.prepare<[string, string]>('DELETE FROM objects WHERE kind = ? AND key = ?'),
    logChange: db.prepare<[number, string, string, string, string | null]>(
      'INSERT INTO changes (resource_version, type, kind, key, doc) VALUES (?, ?, ?, ?, ?)',
    ),
    appendEvent: db.prepare<[number, number, string]>(
      'INSERT INTO events (seq, at, data) VALUES (?, ?, ?)',
    ),
    putToken: db.prepare<[string, string, string, string, number]>(
      'INSERT OR REPLACE INTO tokens (hash, name, role, queues, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    deleteToken: db.prepare<[string]>('DELETE FROM tokens WHERE hash = ?'),
    setCounters: db.prepare<[number, number]>(
      'UPDATE counters SET version = ?, event_seq = ? WHERE id = 1',
    ),
  };
}
