import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoreChange, StoredEvent, StoredObject, TokenRecord } from '@roam/engine';
import { GroupCommit } from './group-commit.js';
import { planGroup, type GroupPlan } from './plan.js';
import { toStoreChange, toStoredEvent, toStoredObject, toTokenRecord } from './rows.js';
import { immediateTransaction, openSqlite, type SqliteDatabase } from './sqlite-driver.js';
import { migrateSqlite } from './sqlite-schema.js';
import {
  prepareSqliteStatements,
  type SqliteCounters,
  type SqliteStatements,
} from './sqlite-statements.js';
import { StoreBase } from './store-base.js';
import type { Unit } from './units.js';

/** The database file a {@link SqliteStore} keeps in its directory. */
export const sqliteFileName = 'roam.db';

/**
 * A durable store in one SQLite file (`<dir>/roam.db`), in WAL mode with
 * `synchronous=FULL`: a write is acknowledged only after its transaction is on disk.
 * Writes are group-committed (see {@link GroupCommit}); reads see every acknowledged
 * write. Meant for one process; SQLite's locks keep a second one consistent, but slow.
 */
export class SqliteStore extends StoreBase {
  readonly #db: SqliteDatabase;
  readonly #file: string;
  readonly #sql: SqliteStatements;
  readonly #commits: GroupCommit;

  /**
   * Opens the store in `dir`, creating the directory, the database and its schema when
   * missing, or migrating an older schema.
   */
  static async open(dir: string): Promise<SqliteStore> {
    await mkdir(dir, { recursive: true });
    const file = join(dir, sqliteFileName);
    const db = openSqlite(file);
    try {
      db.exec('PRAGMA busy_timeout = 10000');
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      migrateSqlite(db, file);
    } catch (error) {
      db.close();
      throw error;
    }
    return new SqliteStore(db, file);
  }

  private constructor(db: SqliteDatabase, file: string) {
    super();
    this.#db = db;
    this.#file = file;
    this.#sql = prepareSqliteStatements(db);
    this.#commits = new GroupCommit((units) => immediateTransaction(db, () => this.#commit(units)));
  }

  async get(kind: string, key: string): Promise<StoredObject | undefined> {
    this.assertOpen();
    const row = this.#sql.object.get(kind, key);
    return row === undefined ? undefined : toStoredObject(row);
  }

  async list(kind: string): Promise<StoredObject[]> {
    this.assertOpen();
    return this.#sql.objects.all(kind).map(toStoredObject);
  }

  async changes(sinceVersion: number, limit?: number): Promise<StoreChange[]> {
    this.assertOpen();
    // LIMIT -1 is SQLite's "no limit".
    const max = limit === undefined ? -1 : Math.max(0, limit);
    return this.#sql.changes.all(sinceVersion, max).map(toStoreChange);
  }

  async currentVersion(): Promise<number> {
    this.assertOpen();
    return this.#counters().version;
  }

  async events(afterSeq: number, limit: number): Promise<StoredEvent[]> {
    this.assertOpen();
    return this.#sql.events.all(afterSeq, Math.max(0, limit)).map(toStoredEvent);
  }

  async getToken(hash: string): Promise<TokenRecord | undefined> {
    this.assertOpen();
    const row = this.#sql.token.get(hash);
    return row === undefined ? undefined : toTokenRecord(row);
  }

  async listTokens(): Promise<TokenRecord[]> {
    this.assertOpen();
    return this.#sql.tokens.all().map(toTokenRecord);
  }

  protected submit(unit: Unit): void {
    this.#commits.submit(unit);
  }

  protected async shutdown(): Promise<void> {
    await this.#commits.drain();
    this.#db.close();
  }

  #counters(): SqliteCounters {
    const counters = this.#sql.counters.get();
    if (counters === undefined) {
      throw new Error(`${this.#file}: the counters row is missing`);
    }
    return counters;
  }

  /** Runs inside the transaction: reads the snapshot, plans the group and writes it. */
  #commit(units: readonly Unit[]): GroupPlan {
    const sql = this.#sql;
    const plan = planGroup(units, {
      ...this.#counters(),
      objectVersion: (kind, key) => sql.objectVersion.get(kind, key)?.resourceVersion,
      hasToken: (hash) => sql.token.get(hash) !== undefined,
    });
    plan.puts.forEach((row) => sql.putObject.run(row.kind, row.key, row.resourceVersion, row.json));
    plan.deletes.forEach(({ kind, key }) => sql.deleteObject.run(kind, key));
    plan.changes.forEach((row) =>
      sql.logChange.run(row.resourceVersion, row.type, row.kind, row.key, row.json),
    );
    plan.events.forEach(({ seq, at, json }) => sql.appendEvent.run(seq, at, json));
    plan.tokenPuts.forEach(({ hash, name, role, queues, createdAt }) =>
      sql.putToken.run(hash, name, role, JSON.stringify(queues), createdAt),
    );
    plan.tokenDeletes.forEach((hash) => sql.deleteToken.run(hash));
    sql.setCounters.run(plan.version, plan.eventSeq);
    return plan;
  }
}
