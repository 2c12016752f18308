import { ConflictError, type StoredEvent, type TokenRecord } from '@roam/engine';
import {
  toStoredEvent,
  toStoredObject,
  type ChangeRow,
  type EventRow,
  type ObjectRow,
} from './rows.js';
import type { EncodedWrite, Unit, WriteResult } from './units.js';

/** The committed state a group is planned against, read inside its transaction. */
export interface GroupSnapshot {
  /** The highest resourceVersion committed so far. */
  readonly version: number;
  /** The highest event seq committed so far. */
  readonly eventSeq: number;
  /** The version of the object now stored, or undefined when there is none. */
  objectVersion(kind: string, key: string): number | undefined;
  /** Whether a token with this hash is stored. */
  hasToken(hash: string): boolean;
}

/** An object a group deletes. */
export interface ObjectId {
  readonly kind: string;
  readonly key: string;
}

/**
 * What one transaction writes for a group of units, and how to answer each unit once it
 * has committed. Objects and tokens appear in their final state only (each at most once);
 * the change and event logs get every entry.
 */
export interface GroupPlan {
  /** The highest resourceVersion after the group. */
  readonly version: number;
  /** The highest event seq after the group. */
  readonly eventSeq: number;
  /** Objects to insert or replace. */
  readonly puts: readonly ObjectRow[];
  /** Objects to delete (none of them is also in `puts`). */
  readonly deletes: readonly ObjectId[];
  /** Change-log entries, in version order. */
  readonly changes: readonly ChangeRow[];
  /** Events to append, in seq order. */
  readonly events: readonly EventRow[];
  /** Tokens to insert or replace. */
  readonly tokenPuts: readonly TokenRecord[];
  /** Hashes of tokens to delete (none of them is also in `tokenPuts`). */
  readonly tokenDeletes: readonly string[];
  /** Answers every unit: its result, or the ConflictError that refused it. */
  settle(): void;
}

/** An object's state within a group: its row, or undefined once deleted. */
interface Slot extends ObjectId {
  readonly row: ObjectRow | undefined;
}

/**
 * Plans one transaction for a group of units, in order. Each unit sees the effects of the
 * units before it; a unit whose precondition fails is refused on its own (a batch whole),
 * and the units after it go ahead. Every write gets the next version of the global
 * sequence; every event the next seq.
 */
export function planGroup(units: readonly Unit[], snapshot: GroupSnapshot): GroupPlan {
  const objects = new Map<string, Slot>();
  const tokens = new Map<string, TokenRecord | undefined>();
  const changes: ChangeRow[] = [];
  const events: EventRow[] = [];
  const answers: (() => void)[] = [];
  let version = snapshot.version;
  let eventSeq = snapshot.eventSeq;

  const currentVersion = (slots: Map<string, Slot>, kind: string, key: string) => {
    const id = objectId(kind, key);
    const slot = slots.get(id) ?? objects.get(id);
    return slot === undefined ? snapshot.objectVersion(kind, key) : slot.row?.resourceVersion;
  };

  const planWrites = (writes: readonly EncodedWrite[]): WriteResult[] | ConflictError => {
    const staged = new Map<string, Slot>();
    const results: WriteResult[] = [];
    const unitChanges: ChangeRow[] = [];
    let next = version;
    for (const write of writes) {
      const { kind, key } = write;
      const current = currentVersion(staged, kind, key);
      const conflict = checkPrecondition(write, current);
      if (conflict !== undefined) {
        return conflict;
      }
      if (write.op === 'delete' && current === undefined) {
        results.push({ object: undefined, existed: false });
        continue;
      }
      next += 1;
      const json = write.op === 'put' ? write.json : null;
      const row = json === null ? undefined : { kind, key, resourceVersion: next, json };
      staged.set(objectId(kind, key), { kind, key, row });
      unitChanges.push({ resourceVersion: next, type: write.op, kind, key, json });
      results.push({
        object: row === undefined ? undefined : toStoredObject(row),
        existed: current !== undefined,
      });
    }
    version = next;
    staged.forEach((slot, id) => objects.set(id, slot));
    changes.push(...unitChanges);
    return results;
  };

  for (const unit of units) {
    switch (unit.type) {
      case 'writes': {
        const outcome = planWrites(unit.writes);
        answers.push(
          outcome instanceof ConflictError
            ? () => unit.settle.reject(outcome)
            : () => unit.settle.resolve(outcome),
        );
        break;
      }
      case 'events': {
        const stored: StoredEvent[] = unit.events.map(({ at, json }) => {
          eventSeq += 1;
          const row = { seq: eventSeq, at, json };
          events.push(row);
          return toStoredEvent(row);
        });
        answers.push(() => unit.settle.resolve(stored));
        break;
      }
      case 'token': {
        const existed = tokens.has(unit.hash)
          ? tokens.get(unit.hash) !== undefined
          : snapshot.hasToken(unit.hash);
        tokens.set(unit.hash, unit.record);
        answers.push(() => unit.settle.resolve(existed));
        break;
      }
    }
  }

  const slots = [...objects.values()];
  const tokenEntries = [...tokens.entries()];
  return {
    version,
    eventSeq,
    puts: slots.flatMap((slot) => (slot.row === undefined ? [] : [slot.row])),
    deletes: slots.flatMap(({ kind, key, row }) => (row === undefined ? [{ kind, key }] : [])),
    changes,
    events,
    tokenPuts: tokenEntries.flatMap(([, record]) => (record === undefined ? [] : [record])),
    tokenDeletes: tokenEntries.flatMap(([hash, record]) => (record === undefined ? [hash] : [])),
    settle: () => answers.forEach((answer) => answer()),
  };
}

/** The objects a group's units write: what a store reads into its snapshot. */
export function touchedObjects(units: readonly Unit[]): ObjectId[] {
  const touched = new Map<string, ObjectId>();
  for (const unit of units) {
    if (unit.type === 'writes') {
      unit.writes.forEach(({ kind, key }) => touched.set(objectId(kind, key), { kind, key }));
    }
  }
  return [...touched.values()];
}

/** The token hashes a group's units write. */
export function touchedTokens(units: readonly Unit[]): string[] {
  return [...new Set(units.flatMap((unit) => (unit.type === 'token' ? [unit.hash] : [])))];
}

/** A map key naming one object unambiguously. */
export function objectId(kind: string, key: string): string {
  return JSON.stringify([kind, key]);
}

/** The ConflictError refusing a write whose precondition does not hold, or undefined. */
function checkPrecondition(write: EncodedWrite, current: number | undefined) {
  const { kind, key, precondition } = write;
  const name = `${kind} "${key}"`;
  if (precondition === undefined) {
    return undefined;
  }
  if ('absent' in precondition) {
    return current === undefined
      ? undefined
      : new ConflictError(kind, key, current, `${name} already exists (version ${current})`);
  }
  if (current === undefined) {
    const message = `${name} does not exist (expected version ${precondition.version})`;
    return new ConflictError(kind, key, undefined, message);
  }
  return current === precondition.version
    ? undefined
    : new ConflictError(
        kind,
        key,
        current,
        `${name} has version ${current}, not ${precondition.version}`,
      );
}
