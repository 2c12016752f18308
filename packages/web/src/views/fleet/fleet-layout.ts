/** Sizes of the fleet map at scale 1, CSS pixels. */
export const GEOMETRY = {
  /** Width of one GPU's cell, and the gap between cells. */
  cellW: 7,
  cellGap: 2,
  /** Height of a GPU cell. */
  cellH: 22,
  /** Inner padding of a node's tile; the market stripe is part of the top padding. */
  pad: 3,
  stripe: 3,
  /** Gaps between tiles and between rows of tiles. */
  tileGap: 5,
  rowGap: 5,
  /** Height of a pool's heading, and the margin around everything. */
  headerH: 30,
  margin: 12,
  /** Height of a node's name under its GPUs (drawn only when tiles are large). */
  labelH: 0,
} as const;

/** The map's sizes; tiles grow for small fleets. */
export type Geometry = { readonly [K in keyof typeof GEOMETRY]: number };

/** Tiles twice as large (with node names) below this many nodes, 1.5× below the next. */
const LARGE_BELOW = 120;
const MEDIUM_BELOW = 600;

/** The geometry for a fleet of `nodes` nodes: larger tiles, with names, when there are few. */
export function geometryFor(nodes: number): Geometry {
  const scale = nodes < LARGE_BELOW ? 2 : nodes < MEDIUM_BELOW ? 1.5 : 1;
  if (scale === 1) return GEOMETRY;
  return {
    ...GEOMETRY,
    cellW: GEOMETRY.cellW * scale,
    cellGap: GEOMETRY.cellGap * scale * 0.75,
    cellH: GEOMETRY.cellH * scale,
    pad: GEOMETRY.pad * scale,
    stripe: GEOMETRY.stripe * scale * 0.75,
    tileGap: GEOMETRY.tileGap * scale * 1.5,
    rowGap: GEOMETRY.rowGap * scale * 1.5,
    labelH: scale === 2 ? 16 : 0,
  };
}

/** A node's tile. */
export interface Tile {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A line of tiles: tiles `start` (inclusive) to `end` (exclusive). */
export interface TileRow {
  readonly y: number;
  readonly h: number;
  readonly start: number;
  readonly end: number;
}

/** A pool's heading above its tiles. */
export interface Section {
  readonly label: string;
  readonly y: number;
  /** Index of the group this section heads. */
  readonly group: number;
}

/** Where every node of the map is drawn. */
export interface FleetLayout {
  readonly geometry: Geometry;
  /** One per node, in the order of the groups given. */
  readonly tiles: readonly Tile[];
  readonly rows: readonly TileRow[];
  readonly sections: readonly Section[];
  readonly width: number;
  readonly height: number;
}

/** Width of the tile of a node with `gpus` GPUs (a node without GPUs gets one empty cell). */
export function tileWidth(gpus: number, g: Geometry = GEOMETRY): number {
  const cells = Math.max(1, gpus);
  return 2 * g.pad + cells * g.cellW + (cells - 1) * g.cellGap;
}

/** Height of every tile. */
function tileHeight(g: Geometry = GEOMETRY): number {
  return g.stripe + 2 * g.pad + g.cellH + g.labelH;
}

/**
 * Lays out groups of nodes (pools) as headed sections of tiles flowing left to right,
 * wrapping at `width`. O(nodes).
 */
export function layoutFleet(
  groups: readonly { readonly label: string; readonly gpus: readonly number[] }[],
  width: number,
  g: Geometry = GEOMETRY,
): FleetLayout {
  const TILE_H = tileHeight(g);
  const tiles: Tile[] = [];
  const rows: TileRow[] = [];
  const sections: Section[] = [];
  const right = Math.max(width - g.margin, g.margin + tileWidth(8, g));
  let y = g.margin;
  groups.forEach((group, index) => {
    sections.push({ label: group.label, y, group: index });
    y += g.headerH;
    let x = g.margin;
    let rowStart = tiles.length;
    for (const gpus of group.gpus) {
      const w = tileWidth(gpus, g);
      if (x + w > right && tiles.length > rowStart) {
        rows.push({ y, h: TILE_H, start: rowStart, end: tiles.length });
        rowStart = tiles.length;
        x = g.margin;
        y += TILE_H + g.rowGap;
      }
      tiles.push({ x, y, w, h: TILE_H });
      x += w + g.tileGap;
    }
    if (tiles.length > rowStart) {
      rows.push({ y, h: TILE_H, start: rowStart, end: tiles.length });
      y += TILE_H + g.rowGap;
    }
    y += g.rowGap;
  });
  return { geometry: g, tiles, rows, sections, width, height: y + g.margin };
}

/** The first row whose bottom is at or below `y` (binary search). */
function rowAtOrBelow(rows: readonly TileRow[], y: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid] as TileRow;
    if (r.y + r.h < y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The node whose tile is at (x, y), if any. */
export function hitTest(layout: FleetLayout, x: number, y: number): number | undefined {
  const row = layout.rows[rowAtOrBelow(layout.rows, y)];
  if (!row || y < row.y) return undefined;
  for (let i = row.start; i < row.end; i++) {
    const t = layout.tiles[i] as Tile;
    if (x >= t.x && x < t.x + t.w) return i;
  }
  return undefined;
}

/** The rows that show between `top` and `bottom` (for drawing only what is on screen). */
export function rowsBetween(layout: FleetLayout, top: number, bottom: number): readonly TileRow[] {
  const first = rowAtOrBelow(layout.rows, top);
  let last = first;
  while (last < layout.rows.length && (layout.rows[last] as TileRow).y <= bottom) last++;
  return layout.rows.slice(first, last);
}

/** A direction the arrow keys move the selection. */
export type Direction = 'left' | 'right' | 'up' | 'down';

/** The node an arrow key leads to from node `index`: the nearest one by x in the row above or below. */
export function neighbour(layout: FleetLayout, index: number, direction: Direction): number {
  const n = layout.tiles.length;
  if (n === 0) return -1;
  if (index < 0 || index >= n) return 0;
  if (direction === 'left') return Math.max(0, index - 1);
  if (direction === 'right') return Math.min(n - 1, index + 1);
  const at = layout.rows.findIndex((r) => index >= r.start && index < r.end);
  const target = layout.rows[at + (direction === 'up' ? -1 : 1)];
  if (!target) return index;
  const t = layout.tiles[index] as Tile;
  const centre = t.x + t.w / 2;
  let best = target.start;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = target.start; i < target.end; i++) {
    const c = layout.tiles[i] as Tile;
    const d = Math.abs(c.x + c.w / 2 - centre);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  }
  return best;
}
