import type {
  Precondition,
  Store,
  StoreChange,
  StoredEvent,
  StoredObject,
  TokenRecord,
  Write,
} from '@roam/engine';
import { checkName, checkTime, encodeJson } from './input.js';
import type { EncodedWrite, Settle, Unit, WriteResult } from './units.js';

/**
 * What the three stores share: every write becomes a {@link Unit} (checked and encoded
 * first, so a bad argument is refused on its own), and a closed store refuses every call.
 * A subclass supplies the reads, how units are committed and how it shuts down.
 */
export abstract class StoreBase implements Store {
  #closing: Promise<void> | undefined;

  /** Commits a unit (now, or with the next group) and answers it through its `settle`. */
  protected abstract submit(unit: Unit): void;

  /** Commits every unit submitted so far, then releases the store's resources. */
  protected abstract shutdown(): Promise<void>;

  abstract get(kind: string, key: string): Promise<StoredObject | undefined>;
  abstract list(kind: string): Promise<StoredObject[]>;
  abstract changes(sinceVersion: number, limit?: number): Promise<StoreChange[]>;
  abstract currentVersion(): Promise<number>;
  abstract events(afterSeq: number, limit: number): Promise<StoredEvent[]>;
  abstract getToken(hash: string): Promise<TokenRecord | undefined>;
  abstract listTokens(): Promise<TokenRecord[]>;

  async put(
    kind: string,
    key: string,
    doc: unknown,
    precondition?: Precondition,
  ): Promise<StoredObject> {
    const [result] = await this.#write([{ op: 'put', kind, key, doc, precondition }]);
    if (result?.object === undefined) {
      throw new Error(`store returned no object for the put of ${kind} "${key}"`);
    }
    return result.object;
  }

  async delete(kind: string, key: string, precondition?: Precondition): Promise<boolean> {
    const [result] = await this.#write([{ op: 'delete', kind, key, precondition }]);
    return result?.existed ?? false;
  }

  async batch(writes: readonly Write[]): Promise<(StoredObject | undefined)[]> {
    if (writes.length === 0) {
      this.assertOpen();
      return [];
    }
    return (await this.#write(writes)).map((result) => result.object);
  }

  async appendEvents(events: readonly { at: number; data: unknown }[]): Promise<StoredEvent[]> {
    if (events.length === 0) {
      this.assertOpen();
      return [];
    }
    return this.#enqueue((settle) => ({
      type: 'events',
      events: events.map(({ at, data }) => {
        checkTime(at, 'event time');
        return { at, json: encodeJson(data, 'event data') };
      }),
      settle,
    }));
  }

  async putToken(token: TokenRecord): Promise<void> {
    checkName(token.hash, 'token hash');
    checkName(token.name, 'token name');
    token.queues.forEach((queue) => checkName(queue, 'token queue'));
    checkTime(token.createdAt, 'token createdAt');
    const { hash, name, role, queues, createdAt } = token;
    const record: TokenRecord = { hash, name, role, queues: [...queues], createdAt };
    await this.#enqueue<boolean>((settle) => ({ type: 'token', hash, record, settle }));
  }

  async deleteToken(hash: string): Promise<boolean> {
    return this.#enqueue((settle) => {
      checkName(hash, 'token hash');
      return { type: 'token', hash, record: undefined, settle };
    });
  }

  /** Commits what was submitted and closes; later calls (but `close`) are refused. */
  close(): Promise<void> {
    this.#closing ??= this.shutdown();
    return this.#closing;
  }

  /** Throws when the store is closed or closing: every read starts with it. */
  protected assertOpen(): void {
    if (this.#closing !== undefined) {
      throw new Error('the store is closed');
    }
  }

  #write(writes: readonly Write[]): Promise<WriteResult[]> {
    return this.#enqueue((settle) => ({ type: 'writes', writes: writes.map(encodeWrite), settle }));
  }

  /** Builds a unit (which may throw on a bad argument) and submits it. */
  #enqueue<T>(unit: (settle: Settle<T>) => Unit): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.assertOpen();
      this.submit(unit({ resolve, reject }));
    });
  }
}

/** Checks a write and serialises its document. */
function encodeWrite(write: Write): EncodedWrite {
  const { kind, key, precondition } = write;
  checkName(kind, 'kind');
  checkName(key, 'key');
  return write.op === 'put'
    ? { op: 'put', kind, key, json: encodeJson(write.doc, 'document'), precondition }
    : { op: 'delete', kind, key, precondition };
}
