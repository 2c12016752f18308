import type { NodeDoc } from '../api/types.js';
import { nodeMarket, nodePrice, nodeRisk } from './nodes.js';

/** One reading of a spot node. */
export interface SpotSample {
  readonly at: number;
  readonly price: number | undefined;
  readonly risk: number | undefined;
}

/** Readings kept per node. */
const KEEP = 2000;

/**
 * Prices and reclaim risk of spot nodes as the dashboard saw them, world time: the API
 * serves only the current values, so the history starts when the page opened.
 */
export class SpotHistory {
  private byNode: ReadonlyMap<string, readonly SpotSample[]> = new Map();

  /** Records the spot nodes among `nodes` at world time `at`. */
  observe(at: number, nodes: readonly NodeDoc[]): void {
    const spot = nodes.filter((n) => nodeMarket(n) === 'spot');
    if (spot.length === 0) return;
    const next = new Map(this.byNode);
    for (const n of spot) {
      const list = next.get(n.metadata.name) ?? [];
      const last = list[list.length - 1];
      if (last && last.at >= at) continue;
      next.set(n.metadata.name, [
        ...list.slice(-(KEEP - 1)),
        { at, price: nodePrice(n), risk: nodeRisk(n) },
      ]);
    }
    this.byNode = next;
  }

  /** The readings of every spot node seen, by node name (a new map after each change). */
  series(): ReadonlyMap<string, readonly SpotSample[]> {
    return this.byNode;
  }
}
