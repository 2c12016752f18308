/** What a collection holds: named documents with the store's resourceVersion. */
export interface Named {
  readonly metadata: { readonly name: string; readonly resourceVersion?: string };
}

/** A change a watch delivered. */
export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

function rv(o: Named): number {
  return Number(o.metadata.resourceVersion ?? 0);
}

/**
 * The documents of one kind, kept current by a list and the watch stream. Resource
 * versions are one global sequence, so for each name the higher version wins: a list
 * taken while the watch already runs never undoes a newer change, and a deletion is not
 * undone by an older list.
 */
export class Collection<T extends Named> {
  private items = new Map<string, T>();
  /** Changes the watch delivered since `beginSync`, by name (`null` = deleted at that version). */
  private sinceSync: Map<string, { version: number; doc: T | null }> | undefined;
  private sorted: T[] | undefined;
  /** Bumped on every change: views recompute what they derive when it moves. */
  version = 0;

  /** The document named `name`. */
  get(name: string): T | undefined {
    return this.items.get(name);
  }

  /** Every document, sorted by name (the same array until the next change). */
  all(): readonly T[] {
    this.sorted ??= [...this.items.values()].sort((a, b) =>
      a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0,
    );
    return this.sorted;
  }

  /** Starts remembering watch changes, before a list is requested. */
  beginSync(): void {
    this.sinceSync = new Map();
  }

  /** Replaces everything with a list, then replays the newer changes the watch brought meanwhile. */
  reset(list: readonly T[]): void {
    const next = new Map(list.map((o) => [o.metadata.name, o]));
    for (const [name, change] of this.sinceSync ?? []) {
      const listed = next.get(name);
      if (listed && rv(listed) > change.version) continue;
      if (change.doc) next.set(name, change.doc);
      else next.delete(name);
    }
    this.sinceSync = undefined;
    this.items = next;
    this.changed();
  }

  /** Applies a watch change; false if it was older than what is held. */
  apply(type: ChangeType, doc: T): boolean {
    const name = doc.metadata.name;
    const version = rv(doc);
    this.sinceSync?.set(name, { version, doc: type === 'DELETED' ? null : doc });
    const current = this.items.get(name);
    if (current && rv(current) > version) return false;
    if (type === 'DELETED') this.items.delete(name);
    else this.items.set(name, doc);
    this.changed();
    return true;
  }

  private changed(): void {
    this.sorted = undefined;
    this.version++;
  }
}
