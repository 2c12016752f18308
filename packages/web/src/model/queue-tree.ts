import type { QueueView } from '../api/types.js';

/** A queue in the hierarchy, with what its bars show. */
export interface QueueRow {
  readonly view: QueueView;
  /** 0 for top-level queues, 1 for their children, … */
  readonly depth: number;
  readonly children: number;
  /** GPUs allocated above the deserved share: borrowed from idle capacity, and what reclaim takes back. */
  readonly borrowedGpus: number;
  /** GPUs allocated within the deserved share. */
  readonly withinDeservedGpus: number;
}

/** The queue hierarchy in display order, and the GPU scale every bar shares. */
export interface QueueTree {
  readonly rows: readonly QueueRow[];
  readonly scaleGpus: number;
}

/**
 * Orders queues depth-first by name under their parents (a queue whose parent is not
 * visible is shown at the top) and finds the common scale of their bars: the largest of
 * any queue's deserved share, fair share, limit, or allocated plus pending GPUs.
 */
export function queueTree(views: readonly QueueView[]): QueueTree {
  const names = new Set(views.map((v) => v.name));
  const children = new Map<string, QueueView[]>();
  for (const v of views) {
    const parent = v.parent !== undefined && names.has(v.parent) ? v.parent : '';
    const list = children.get(parent) ?? [];
    list.push(v);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => (a.name < b.name ? -1 : 1));
  const rows: QueueRow[] = [];
  const visit = (parent: string, depth: number, seen: Set<string>): void => {
    for (const v of children.get(parent) ?? []) {
      if (seen.has(v.name)) continue;
      seen.add(v.name);
      rows.push({
        view: v,
        depth,
        children: children.get(v.name)?.length ?? 0,
        borrowedGpus: Math.max(0, v.allocatedGpus - v.deservedGpus),
        withinDeservedGpus: Math.min(v.allocatedGpus, v.deservedGpus),
      });
      visit(v.name, depth + 1, seen);
    }
  };
  visit('', 0, new Set());
  const scaleGpus = Math.max(
    1,
    ...views.map((v) =>
      Math.max(v.deservedGpus, v.fairShareGpus, v.limitGpus ?? 0, v.allocatedGpus + v.pendingGpus),
    ),
  );
  return { rows, scaleGpus };
}
