import type { StoreChange, StoredEvent, StoredObject, TokenRecord } from '@roam/engine';

/** An object as every store keeps it: the document as JSON text. */
export interface ObjectRow {
  readonly kind: string;
  readonly key: string;
  readonly resourceVersion: number;
  readonly json: string;
}

/** One entry of the change log; `json` is null for deletes. */
export interface ChangeRow {
  readonly resourceVersion: number;
  readonly type: 'put' | 'delete';
  readonly kind: string;
  readonly key: string;
  readonly json: string | null;
}

/** One entry of the event log, its data as JSON text. */
export interface EventRow {
  readonly seq: number;
  readonly at: number;
  readonly json: string;
}

/** A token as the durable stores keep it: its queues as a JSON array. */
export interface TokenRow {
  readonly hash: string;
  readonly name: string;
  readonly role: TokenRecord['role'];
  readonly queues: string;
  readonly createdAt: number;
}

/** Reads an object row back; the document is a fresh copy. */
export function toStoredObject(row: ObjectRow): StoredObject {
  return {
    kind: row.kind,
    key: row.key,
    resourceVersion: row.resourceVersion,
    doc: JSON.parse(row.json),
  };
}

/** Reads a change row back (no `doc` for deletes). */
export function toStoreChange(row: ChangeRow): StoreChange {
  const change = {
    type: row.type,
    kind: row.kind,
    key: row.key,
    resourceVersion: row.resourceVersion,
  };
  return row.json === null ? change : { ...change, doc: JSON.parse(row.json) };
}

/** Reads an event row back. */
export function toStoredEvent(row: EventRow): StoredEvent {
  return { seq: row.seq, at: row.at, data: JSON.parse(row.json) };
}

/** Reads a token row back. */
export function toTokenRecord(row: TokenRow): TokenRecord {
  const queues = JSON.parse(row.queues) as string[];
  return { hash: row.hash, name: row.name, role: row.role, queues, createdAt: row.createdAt };
}
