import type { StoreChange, StoredEvent, StoredObject, TokenRecord } from '@roam/engine';
import { compareCodePoints } from './key-order.js';
import { planGroup, type GroupPlan } from './plan.js';
import {
  toStoreChange,
  toStoredEvent,
  toStoredObject,
  type ChangeRow,
  type EventRow,
  type ObjectRow,
} from './rows.js';
import { StoreBase } from './store-base.js';
import type { Unit } from './units.js';

/**
 * A store in memory, for tests and the simulator: the same semantics as the durable
 * stores (documents are kept as JSON, so reads return fresh copies), nothing survives
 * `close`. Each write is applied at once, in call order.
 */
export class MemoryStore extends StoreBase {
  /** Kind → key → object. */
  readonly #objects = new Map<string, Map<string, ObjectRow>>();
  readonly #changes: ChangeRow[] = [];
  readonly #events: EventRow[] = [];
  readonly #tokens = new Map<string, TokenRecord>();
  #version = 0;
  #eventSeq = 0;

  async get(kind: string, key: string): Promise<StoredObject | undefined> {
    this.assertOpen();
    const row = this.#objects.get(kind)?.get(key);
    return row === undefined ? undefined : toStoredObject(row);
  }

  async list(kind: string): Promise<StoredObject[]> {
    this.assertOpen();
    const rows = [...(this.#objects.get(kind)?.values() ?? [])];
    return rows.sort((a, b) => compareCodePoints(a.key, b.key)).map(toStoredObject);
  }

  async changes(sinceVersion: number, limit?: number): Promise<StoreChange[]> {
    this.assertOpen();
    const start = firstAfter(this.#changes, sinceVersion, (row) => row.resourceVersion);
    const end = limit === undefined ? undefined : start + Math.max(0, limit);
    return this.#changes.slice(start, end).map(toStoreChange);
  }

  async currentVersion(): Promise<number> {
    this.assertOpen();
    return this.#version;
  }

  async events(afterSeq: number, limit: number): Promise<StoredEvent[]> {
    this.assertOpen();
    const start = firstAfter(this.#events, afterSeq, (row) => row.seq);
    return this.#events.slice(start, start + Math.max(0, limit)).map(toStoredEvent);
  }

  async getToken(hash: string): Promise<TokenRecord | undefined> {
    this.assertOpen();
    const token = this.#tokens.get(hash);
    return token === undefined ? undefined : copyToken(token);
  }

  async listTokens(): Promise<TokenRecord[]> {
    this.assertOpen();
    return [...this.#tokens.values()]
      .sort((a, b) => compareCodePoints(a.name, b.name) || compareCodePoints(a.hash, b.hash))
      .map(copyToken);
  }

  protected submit(unit: Unit): void {
    const plan = planGroup([unit], {
      version: this.#version,
      eventSeq: this.#eventSeq,
      objectVersion: (kind, key) => this.#objects.get(kind)?.get(key)?.resourceVersion,
      hasToken: (hash) => this.#tokens.has(hash),
    });
    this.#apply(plan);
    plan.settle();
  }

  protected async shutdown(): Promise<void> {
    // Nothing to flush: every write was applied when it was submitted.
  }

  #apply(plan: GroupPlan): void {
    plan.puts.forEach((row) => this.#kind(row.kind).set(row.key, row));
    plan.deletes.forEach(({ kind, key }) => this.#objects.get(kind)?.delete(key));
    this.#changes.push(...plan.changes);
    this.#events.push(...plan.events);
    plan.tokenPuts.forEach((token) => this.#tokens.set(token.hash, token));
    plan.tokenDeletes.forEach((hash) => this.#tokens.delete(hash));
    this.#version = plan.version;
    this.#eventSeq = plan.eventSeq;
  }

  #kind(kind: string): Map<string, ObjectRow> {
    let objects = this.#objects.get(kind);
    if (objects === undefined) {
      objects = new Map();
      this.#objects.set(kind, objects);
    }
    return objects;
  }
}

/** A token record that shares nothing with the stored one. */
function copyToken(token: TokenRecord): TokenRecord {
  return { ...token, queues: [...token.queues] };
}

/** Index of the first row whose number exceeds `after`, in rows sorted by that number. */
function firstAfter<T>(rows: readonly T[], after: number, numberOf: (row: T) => number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const row = rows[middle];
    if (row !== undefined && numberOf(row) <= after) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
