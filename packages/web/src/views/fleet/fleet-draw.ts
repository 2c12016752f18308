import type { NodeDoc } from '../../api/types.js';
import { nodeGpuFill, nodeMarket, nodeRisk, nodeSchedulable } from '../../model/nodes.js';
import { cssVar } from '../../ui/theme.js';
import { rowsBetween, type FleetLayout, type Geometry, type Tile } from './fleet-layout.js';

/** The theme's colours the map draws with. */
export interface FleetColours {
  readonly tile: string;
  readonly border: string;
  readonly track: string;
  readonly fill: string;
  readonly text: string;
  readonly muted: string;
  readonly accent: string;
  readonly danger: string;
  readonly warn: string;
  readonly ok: string;
  readonly markets: Readonly<Record<string, string>>;
}

/** Reads the map's colours from the theme's CSS variables. */
export function fleetColours(): FleetColours {
  return {
    tile: cssVar('--tile'),
    border: cssVar('--border'),
    track: cssVar('--gpu-track'),
    fill: cssVar('--gpu-fill'),
    text: cssVar('--text'),
    muted: cssVar('--muted'),
    accent: cssVar('--accent'),
    danger: cssVar('--danger'),
    warn: cssVar('--warn'),
    ok: cssVar('--ok'),
    markets: {
      'on-prem': cssVar('--onprem'),
      'on-demand': cssVar('--ondemand'),
      spot: cssVar('--spot'),
    },
  };
}

/** What to draw: the nodes in layout order, the part of the map in view, and highlights. */
export interface FleetScene {
  readonly layout: FleetLayout;
  readonly nodes: readonly NodeDoc[];
  readonly headings: readonly { readonly title: string; readonly detail: string }[];
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly selected: number;
  readonly hovered: number;
}

/**
 * Draws the rows of the fleet map that are in view: per node a tile with its market's
 * stripe, one cell per GPU filled from the bottom by its allocated share (fractions show
 * as partial fills), cordoned or unready nodes hatched, the reclaim risk as a dot when
 * known; pool headings above their tiles.
 */
export function drawFleet(ctx: CanvasRenderingContext2D, scene: FleetScene, c: FleetColours): void {
  const { layout, top, width, height } = scene;
  const g = layout.geometry;
  ctx.clearRect(0, 0, width, height);
  ctx.save();
  ctx.translate(0, -top);
  ctx.textBaseline = 'middle';
  for (const s of layout.sections) {
    if (s.y + g.headerH < top || s.y > top + height) continue;
    const h = scene.headings[s.group];
    if (!h) continue;
    const y = s.y + g.headerH / 2 - 2;
    ctx.font = '600 13px system-ui, sans-serif';
    ctx.fillStyle = c.text;
    ctx.fillText(h.title, g.margin, y);
    const w = ctx.measureText(h.title).width;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = c.muted;
    ctx.fillText(h.detail, g.margin + w + 10, y);
  }
  for (const row of rowsBetween(layout, top, top + height))
    for (let i = row.start; i < row.end; i++) {
      const node = scene.nodes[i];
      const tile = layout.tiles[i];
      if (node && tile) drawTile(ctx, g, tile, node, c, i === scene.selected, i === scene.hovered);
    }
  ctx.restore();
}

function drawTile(
  ctx: CanvasRenderingContext2D,
  g: Geometry,
  t: Tile,
  node: NodeDoc,
  c: FleetColours,
  selected: boolean,
  hovered: boolean,
): void {
  const usable = nodeSchedulable(node);
  ctx.globalAlpha = usable ? 1 : 0.55;
  ctx.fillStyle = c.tile;
  ctx.fillRect(t.x, t.y, t.w, t.h);
  ctx.fillStyle = c.markets[nodeMarket(node)] ?? c.muted;
  ctx.fillRect(t.x, t.y, t.w, g.stripe);
  const fill = nodeGpuFill(node);
  const cellTop = t.y + g.stripe + g.pad;
  for (let k = 0; k < Math.max(1, fill.length); k++) {
    const x = t.x + g.pad + k * (g.cellW + g.cellGap);
    ctx.fillStyle = c.track;
    ctx.fillRect(x, cellTop, g.cellW, g.cellH);
    const share = fill[k] ?? 0;
    if (share > 0) {
      const h = Math.max(2, Math.round(share * g.cellH));
      ctx.fillStyle = c.fill;
      ctx.fillRect(x, cellTop + g.cellH - h, g.cellW, h);
    }
  }
  if (g.labelH > 0) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = c.muted;
    ctx.textAlign = 'center';
    ctx.fillText(
      shortName(node.metadata.name, node.status?.pool ?? '', t.w),
      t.x + t.w / 2,
      cellTop + g.cellH + g.labelH / 2 + 1,
      t.w - 4,
    );
    ctx.textAlign = 'left';
  }
  ctx.globalAlpha = 1;
  if (!usable) hatch(ctx, t, c.danger);
  const risk = nodeRisk(node);
  if (risk !== undefined) {
    ctx.fillStyle = risk >= 0.5 ? c.danger : risk >= 0.15 ? c.warn : c.ok;
    ctx.beginPath();
    ctx.arc(t.x + t.w - 4, t.y + 4, 3, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (selected || hovered) {
    ctx.strokeStyle = selected ? c.accent : c.text;
    ctx.lineWidth = selected ? 2.5 : 1;
    ctx.strokeRect(t.x - 1.5, t.y - 1.5, t.w + 3, t.h + 3);
  } else {
    ctx.strokeStyle = c.border;
    ctx.lineWidth = 1;
    ctx.strokeRect(t.x + 0.5, t.y + 0.5, t.w - 1, t.h - 1);
  }
}

/** A node's name as its tile shows it: without its pool's prefix (the heading names the pool), cut to fit. */
function shortName(name: string, pool: string, width: number): string {
  const own = pool !== '' && name.startsWith(`${pool}-`) ? name.slice(pool.length + 1) : name;
  const chars = Math.max(3, Math.floor((width - 6) / 6));
  return own.length <= chars ? own : `…${own.slice(own.length - chars + 1)}`;
}

/** Diagonal red lines over a node no work may be placed on (cordoned, or not ready). */
function hatch(ctx: CanvasRenderingContext2D, t: Tile, colour: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(t.x, t.y, t.w, t.h);
  ctx.clip();
  ctx.strokeStyle = colour;
  ctx.lineWidth = 1;
  ctx.globalAlpha = 0.7;
  for (let d = -t.h; d < t.w; d += 6) {
    ctx.moveTo(t.x + d, t.y + t.h);
    ctx.lineTo(t.x + d + t.h, t.y);
  }
  ctx.stroke();
  ctx.restore();
}
