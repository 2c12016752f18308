import type { Doc } from './documents.js';

/** One change a watcher sees: a resource change or an engine event. */
export type WatchEvent =
  | { readonly type: 'ADDED' | 'MODIFIED' | 'DELETED'; readonly kind: string; readonly object: Doc }
  | { readonly type: 'EVENT'; readonly kind: 'Event'; readonly object: EventView };

/** An engine event as the API shows it. */
export interface EventView {
  readonly seq?: number;
  readonly time: string;
  readonly type: string;
  readonly workload?: string;
  readonly node?: string;
  readonly queue?: string;
  readonly reason: string;
  readonly code?: string;
}

/** Fan-out of watch events to subscribers. */
export class WatchHub {
  private readonly subscribers = new Set<(e: WatchEvent) => void>();

  subscribe(fn: (e: WatchEvent) => void): () => void {
    this.subscribers.add(fn);
    return () => this.subscribers.delete(fn);
  }

  publish(e: WatchEvent): void {
    for (const fn of this.subscribers) fn(e);
  }

  get size(): number {
    return this.subscribers.size;
  }
}
