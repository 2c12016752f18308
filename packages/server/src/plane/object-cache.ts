import type { StoredObject } from '@roam/engine';

/** The control plane's copy of every stored object, by kind and key (the store is written through it). */
export class ObjectCache {
  private readonly byKind = new Map<string, Map<string, StoredObject>>();

  get(kind: string, key: string): StoredObject | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  /** Objects of a kind, ordered by key. */
  list(kind: string): StoredObject[] {
    return [...(this.byKind.get(kind)?.values() ?? [])].sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
  }

  set(o: StoredObject): void {
    let m = this.byKind.get(o.kind);
    if (!m) this.byKind.set(o.kind, (m = new Map()));
    m.set(o.key, o);
  }

  delete(kind: string, key: string): void {
    this.byKind.get(kind)?.delete(key);
  }

  count(kind: string): number {
    return this.byKind.get(kind)?.size ?? 0;
  }
}
