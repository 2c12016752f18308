import type { EventView } from '../api/types.js';

/** Events kept for the views, newest last. */
const CAPACITY = 1000;

function keyOf(e: EventView): string {
  return `${e.time}|${e.type}|${e.workload ?? ''}|${e.node ?? ''}|${e.reason}`;
}

/**
 * Recent events from a list and the watch stream. Events have no id, so a list taken
 * while the stream runs is merged by content: events the stream brought that the list
 * lacks are kept after it.
 */
export class EventLog {
  private events: EventView[] = [];
  private sinceSync: EventView[] | undefined;
  /** Bumped on every change. */
  version = 0;

  /** The events, oldest first. */
  all(): readonly EventView[] {
    return this.events;
  }

  /** Starts remembering streamed events, before a list is requested. */
  beginSync(): void {
    this.sinceSync = [];
  }

  /** Replaces the events with a list (oldest first), keeping streamed ones it lacks. */
  reset(list: readonly EventView[]): void {
    const listed = new Set(list.map(keyOf));
    const extra = (this.sinceSync ?? []).filter((e) => !listed.has(keyOf(e)));
    this.sinceSync = undefined;
    this.events = [...list, ...extra].slice(-CAPACITY);
    this.version++;
  }

  /** Adds a streamed event. */
  push(e: EventView): void {
    this.sinceSync?.push(e);
    this.events =
      this.events.length >= CAPACITY ? [...this.events.slice(1), e] : [...this.events, e];
    this.version++;
  }
}
