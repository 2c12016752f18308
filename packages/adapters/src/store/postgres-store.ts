import pg from 'pg';
import type { StoreChange, StoredEvent, StoredObject, TokenRecord } from '@roam/engine';
import { GroupCommit } from './group-commit.js';
import { objectId, planGroup, touchedObjects, touchedTokens } from './plan.js';
import type { GroupPlan, GroupSnapshot } from './plan.js';
import { migratePostgres } from './postgres-schema.js';
import { applyParameters, postgresStatements } from './postgres-sql.js';
import {
  toStoreChange,
  toStoredEvent,
  toStoredObject,
  toTokenRecord,
  type ChangeRow,
  type EventRow,
  type ObjectRow,
  type TokenRow,
} from './rows.js';
import { StoreBase } from './store-base.js';
import type { Unit } from './units.js';

/** Options of {@link PostgresStore.open}. */
export interface PostgresStoreOptions {
  /**
   * The PostgreSQL schema (namespace) holding Roam's tables, created when missing:
   * lower-case letters, digits and `_`. Default `roam`.
   */
  readonly schema?: string;
  /** Connections in the pool (one writes at a time, the rest read). Default 10. */
  readonly poolSize?: number;
}

/** int8 (bigint) columns come back as numbers: versions, seqs and times stay below 2^53. */
const types: pg.CustomTypesConfig = {
  getTypeParser: (oid, format) =>
    oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format),
};

/**
 * A durable store in PostgreSQL, through a `pg` connection pool. Writes are
 * group-committed (see {@link GroupCommit}). Every write transaction first locks the
 * single `counters` row, which allocates versions and event seqs and is held until
 * commit: writers, from this process or another, commit one at a time in version order,
 * so a reader of `changes()` never sees version v + 1 before v. Preconditions are checked
 * after that lock, inside the transaction.
 */
export class PostgresStore extends StoreBase {
  readonly #pool: pg.Pool;
  readonly #sql: ReturnType<typeof postgresStatements>;
  readonly #commits: GroupCommit;

  /**
   * Connects to `url` (a `postgres://` connection string) and creates the schema and its
   * tables when missing, or migrates them.
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const schema = options.schema ?? 'roam';
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new TypeError(`schema must be lower-case letters, digits and _, got "${schema}"`);
    }
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types });
    // An idle connection that breaks is dropped by the pool; the next query opens another.
    pool.on('error', () => {});
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, schema);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool, schema);
  }

  private constructor(pool: pg.Pool, schema: string) {
    super();
    this.#pool = pool;
    this.#sql = postgresStatements(schema);
    this.#commits = new GroupCommit((units) => this.#commit(units));
  }

  async get(kind: string, key: string): Promise<StoredObject | undefined> {
    this.assertOpen();
    const { rows } = await this.#pool.query<ObjectRow>(this.#sql.object, [kind, key]);
    return rows[0] === undefined ? undefined : toStoredObject(rows[0]);
  }

  async list(kind: string): Promise<StoredObject[]> {
    this.assertOpen();
    const { rows } = await this.#pool.query<ObjectRow>(this.#sql.objects, [kind]);
    return rows.map(toStoredObject);
  }

  async changes(sinceVersion: number, limit?: number): Promise<StoreChange[]> {
    this.assertOpen();
    // LIMIT NULL is PostgreSQL's "no limit".
    const max = limit === undefined ? null : Math.max(0, limit);
    const { rows } = await this.#pool.query<ChangeRow>(this.#sql.changes, [sinceVersion, max]);
    return rows.map(toStoreChange);
  }

  async currentVersion(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.#pool.query<{ version: number }>(this.#sql.version);
    return rows[0]?.version ?? 0;
  }

  async events(afterSeq: number, limit: number): Promise<StoredEvent[]> {
    this.assertOpen();
    const values = [afterSeq, Math.max(0, limit)];
    const { rows } = await this.#pool.query<EventRow>(this.#sql.events, values);
    return rows.map(toStoredEvent);
  }

  async getToken(hash: string): Promise<TokenRecord | undefined> {
    this.assertOpen();
    const { rows } = await this.#pool.query<TokenRow>(this.#sql.token, [hash]);
    return rows[0] === undefined ? undefined : toTokenRecord(rows[0]);
  }

  async listTokens(): Promise<TokenRecord[]> {
    this.assertOpen();
    const { rows } = await this.#pool.query<TokenRow>(this.#sql.tokens);
    return rows.map(toTokenRecord);
  }

  protected submit(unit: Unit): void {
    this.#commits.submit(unit);
  }

  protected async shutdown(): Promise<void> {
    await this.#commits.drain();
    await this.#pool.end();
  }

  /** One group in one transaction: lock, read the snapshot, plan, write, commit. */
  async #commit(units: readonly Unit[]): Promise<GroupPlan> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const plan = planGroup(units, await this.#snapshot(client, units));
      await client.query(this.#sql.apply, applyParameters(plan));
      await client.query('COMMIT');
      return plan;
    } catch (error) {
      broken = await client.query('ROLLBACK').then(
        () => undefined,
        (rollbackError: Error) => rollbackError,
      );
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Locks the counters, then reads the versions and tokens the group touches. */
  async #snapshot(client: pg.PoolClient, units: readonly Unit[]): Promise<GroupSnapshot> {
    const counters = await client.query<{ version: number; eventSeq: number }>(
      this.#sql.lockCounters,
    );
    const locked = counters.rows[0];
    if (locked === undefined) {
      throw new Error('the counters row is missing');
    }
    const { version, eventSeq } = locked;
    const versions = new Map<string, number>();
    const objects = touchedObjects(units);
    if (objects.length > 0) {
      const { rows } = await client.query<Omit<ObjectRow, 'json'>>(this.#sql.objectVersions, [
        objects.map((id) => id.kind),
        objects.map((id) => id.key),
      ]);
      rows.forEach((row) => versions.set(objectId(row.kind, row.key), row.resourceVersion));
    }
    const hashes = touchedTokens(units);
    const tokens = new Set<string>();
    if (hashes.length > 0) {
      const { rows } = await client.query<{ hash: string }>(this.#sql.tokenHashes, [hashes]);
      rows.forEach((row) => tokens.add(row.hash));
    }
    return {
      version,
      eventSeq,
      objectVersion: (kind, key) => versions.get(objectId(kind, key)),
      hasToken: (hash) => tokens.has(hash),
    };
  }
}
