import type { Precondition, StoredEvent, StoredObject, TokenRecord } from '@roam/engine';

/** How a queued write is answered once its transaction has committed (or failed). */
export interface Settle<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** One object write with its document already serialised to JSON text. */
export type EncodedWrite =
  | {
      readonly op: 'put';
      readonly kind: string;
      readonly key: string;
      readonly json: string;
      readonly precondition: Precondition;
    }
  | {
      readonly op: 'delete';
      readonly kind: string;
      readonly key: string;
      readonly precondition: Precondition;
    };

/** What one write did: the stored object of a put; whether a deleted object existed. */
export interface WriteResult {
  readonly object: StoredObject | undefined;
  readonly existed: boolean;
}

/** An event to append, its data serialised to JSON text. */
export interface EncodedEvent {
  readonly at: number;
  readonly json: string;
}

/**
 * One caller's write request, applied all or nothing: a `put`, a `delete` or a `batch`
 * (object writes), an `appendEvents`, or a token put or delete. A group commit applies
 * many units in one transaction, each independently of the others.
 */
export type Unit =
  | {
      readonly type: 'writes';
      readonly writes: readonly EncodedWrite[];
      readonly settle: Settle<WriteResult[]>;
    }
  | {
      readonly type: 'events';
      readonly events: readonly EncodedEvent[];
      readonly settle: Settle<StoredEvent[]>;
    }
  | {
      readonly type: 'token';
      readonly hash: string;
      /** The record to store, or undefined to delete the token. */
      readonly record: TokenRecord | undefined;
      /** Answers whether a token with this hash existed before. */
      readonly settle: Settle<boolean>;
    };
