/**
 * The durable store port. Everything Roam accepts (resources, workload status, events,
 * access tokens) lives here; an acknowledged write is durable (on disk for SQLite and
 * PostgreSQL) before the promise resolves. Every adapter passes the shared contract suite.
 */

/** A stored resource: its kind, key and the JSON document, with the store's version. */
export interface StoredObject {
  /** Resource kind, e.g. `Workload`, `Queue`, `NodePool`, `Node`. */
  readonly kind: string;
  /** `name`, or `namespace/name`. Unique within a kind. */
  readonly key: string;
  /**
   * Version of this object, increasing across the whole store on every write (a global
   * sequence): a writer that read version v may write only if the object still has v.
   */
  readonly resourceVersion: number;
  /** The document (JSON-serialisable). */
  readonly doc: unknown;
}

/** What `put` expects of the current object: nothing (must not exist), a version, or anything. */
export type Precondition = { readonly absent: true } | { readonly version: number } | undefined;

/** A write refused because the object changed (or exists, or does not) since it was read. */
export class ConflictError extends Error {
  constructor(
    readonly kind: string,
    readonly key: string,
    /** The version now stored, or undefined when the object does not exist. */
    readonly current: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A change to a stored object, in commit order: what a watch sees. */
export interface StoreChange {
  readonly type: 'put' | 'delete';
  readonly kind: string;
  readonly key: string;
  /** The version of the write (for a delete: the version the deletion was given). */
  readonly resourceVersion: number;
  /** The new document; undefined for deletes. */
  readonly doc?: unknown;
}

/** A record in the append-only event log (workload transitions, node changes, API actions). */
export interface StoredEvent {
  /** Sequence number assigned by the store, increasing. */
  readonly seq: number;
  /** When it happened, ms since the epoch. */
  readonly at: number;
  /** The event (JSON-serialisable). */
  readonly data: unknown;
}

/** An access token's record; the token itself is never stored, only its hash. */
export interface TokenRecord {
  /** Hex SHA-256 of the token. */
  readonly hash: string;
  readonly name: string;
  readonly role: 'admin' | 'queue-admin' | 'member';
  /** Queues a queue-admin or member may act on. */
  readonly queues: readonly string[];
  /** When it was created, ms since the epoch. */
  readonly createdAt: number;
}

/** One write of a batch. */
export type Write =
  | {
      readonly op: 'put';
      readonly kind: string;
      readonly key: string;
      readonly doc: unknown;
      readonly precondition?: Precondition;
    }
  | {
      readonly op: 'delete';
      readonly kind: string;
      readonly key: string;
      readonly precondition?: Precondition;
    };

/** The store port. */
export interface Store {
  /** One object, or undefined. */
  get(kind: string, key: string): Promise<StoredObject | undefined>;
  /** All objects of a kind, ordered by key. */
  list(kind: string): Promise<StoredObject[]>;
  /**
   * Creates or replaces an object if the precondition holds (else ConflictError); the
   * stored object gets a new, higher resourceVersion.
   */
  put(kind: string, key: string, doc: unknown, precondition?: Precondition): Promise<StoredObject>;
  /** Deletes an object if the precondition holds; false if it did not exist. */
  delete(kind: string, key: string, precondition?: Precondition): Promise<boolean>;
  /**
   * Applies several writes atomically: all or none (a failed precondition rejects the
   * batch with ConflictError and changes nothing). Returns the stored objects of the
   * puts, in order (undefined for deletes).
   */
  batch(writes: readonly Write[]): Promise<(StoredObject | undefined)[]>;
  /** Changes committed after `sinceVersion`, in order (at most `limit`). */
  changes(sinceVersion: number, limit?: number): Promise<StoreChange[]>;
  /** The highest resourceVersion committed so far (0 for an empty store). */
  currentVersion(): Promise<number>;
  /** Appends events; returns them with their sequence numbers. */
  appendEvents(events: readonly { at: number; data: unknown }[]): Promise<StoredEvent[]>;
  /** Events with seq > `afterSeq`, oldest first, at most `limit`. */
  events(afterSeq: number, limit: number): Promise<StoredEvent[]>;
  putToken(token: TokenRecord): Promise<void>;
  getToken(hash: string): Promise<TokenRecord | undefined>;
  listTokens(): Promise<TokenRecord[]>;
  deleteToken(hash: string): Promise<boolean>;
  /** Flushes and closes; further calls fail. */
  close(): Promise<void>;
}
