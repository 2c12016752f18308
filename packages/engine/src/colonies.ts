import {
  colonyNodeLabels,
  type ClusterState,
  type ColonySpec,
  type WorkloadInfo,
} from '@roam/core';

/** A colony as the capacity manager needs it: its name and spec. */
export interface ColonyInfo {
  readonly name: string;
  readonly spec: ColonySpec;
}

/**
 * The colonies around the engine: which pool belongs to which colony (its nodes carry the
 * colony's labels and dependencies), and which ephemeral colonies have just run out of
 * work, to be torn down.
 */
export class Colonies {
  private byPool = new Map<string, ColonyInfo>();
  private colonies: readonly ColonyInfo[] = [];
  /** Ephemeral colonies that have had work since they were last torn down. */
  private readonly used = new Set<string>();

  /** Replaces the colonies (a pool in two colonies belongs to the first, by name). */
  set(colonies: readonly ColonyInfo[]): void {
    this.colonies = [...colonies].sort((a, b) => (a.name < b.name ? -1 : 1));
    this.byPool = new Map();
    for (const c of this.colonies)
      for (const pool of c.spec.nodePools) if (!this.byPool.has(pool)) this.byPool.set(pool, c);
    for (const name of this.used)
      if (!colonies.some((c) => c.name === name)) this.used.delete(name);
  }

  /** The colony a pool belongs to, if any. */
  ofPool(pool: string): ColonyInfo | undefined {
    return this.byPool.get(pool);
  }

  /** The labels a new node of `pool` carries for its colony (none outside colonies). */
  labelsFor(pool: string): Record<string, string> {
    const c = this.byPool.get(pool);
    return c ? colonyNodeLabels(c.name, c.spec) : {};
  }

  /**
   * Ephemeral colonies whose work has just ended: they had work (pending that may use
   * their pools, or running on their nodes) since they were last torn down, and now have
   * none. O(colonies × (pending + bookings)).
   */
  emptied(state: ClusterState): ColonyInfo[] {
    const out: ColonyInfo[] = [];
    for (const c of this.colonies) {
      if (c.spec.lifetime !== 'ephemeral') continue;
      if (hasWork(state, new Set(c.spec.nodePools))) this.used.add(c.name);
      else if (this.used.delete(c.name)) out.push(c);
    }
    return out;
  }
}

/** Whether any workload runs on a node of `pools`, or waits and may use one of them. */
function hasWork(state: ClusterState, pools: ReadonlySet<string>): boolean {
  for (const b of state.bookingsAll())
    for (const p of b.placements) if (pools.has(state.node(p.node)?.info.pool ?? '')) return true;
  for (const w of state.pending()) if (mayUse(w, pools)) return true;
  return false;
}

function mayUse(w: WorkloadInfo, pools: ReadonlySet<string>): boolean {
  return w.nodePools.length === 0 || w.nodePools.some((p) => pools.has(p));
}
