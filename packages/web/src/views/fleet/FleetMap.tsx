import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { NodeDoc } from '../../api/types.js';
import { useThemeName } from '../../ui/ThemeContext.js';
import { drawFleet, fleetColours } from './fleet-draw.js';
import { geometryFor, hitTest, layoutFleet, neighbour, type Direction } from './fleet-layout.js';
import { NodeTooltip } from './NodeTooltip.js';

const KEYS: Readonly<Record<string, Direction>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * Every node on one canvas, grouped by pool, drawing only the rows in view, so it stays
 * smooth with thousands of nodes. Hover shows a node's details; click or the arrow keys
 * select one (Home/End: first/last, Escape: none).
 */
export function FleetMap({
  groups,
  selected,
  onSelect,
  height,
}: {
  groups: readonly { title: string; detail: string; nodes: readonly NodeDoc[] }[];
  selected: string | undefined;
  onSelect: (name: string | undefined) => void;
  /** Most the map may take (CSS); it is shorter when the fleet fits in less. */
  height: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [top, setTop] = useState(0);
  const [hovered, setHovered] = useState<{ index: number; x: number; y: number }>();
  const theme = useThemeName();

  const nodes = useMemo(() => groups.flatMap((g) => g.nodes), [groups]);
  const layout = useMemo(
    () =>
      layoutFleet(
        groups.map((g) => ({ label: g.title, gpus: g.nodes.map((n) => n.status?.gpus ?? 0) })),
        size.width,
        geometryFor(nodes.length),
      ),
    [groups, size.width, nodes.length],
  );
  const indexOf = useMemo(() => new Map(nodes.map((n, i) => [n.metadata.name, i])), [nodes]);
  const selectedIndex = selected !== undefined ? (indexOf.get(selected) ?? -1) : -1;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: el.clientWidth, height: el.clientHeight }),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || size.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    el.width = Math.round(size.width * ratio);
    el.height = Math.round(size.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const frame = requestAnimationFrame(() =>
      drawFleet(
        ctx,
        {
          layout,
          nodes,
          headings: groups,
          top,
          width: size.width,
          height: size.height,
          selected: selectedIndex,
          hovered: hovered?.index ?? -1,
        },
        fleetColours(),
      ),
    );
    return () => cancelAnimationFrame(frame);
  }, [layout, nodes, groups, top, size, selectedIndex, hovered, theme]);

  // Scroll a newly selected node into view (once per selection, not on every redraw).
  const revealed = useRef(-1);
  useEffect(() => {
    const el = scroller.current;
    const t = layout.tiles[selectedIndex];
    if (!el || !t || size.height === 0 || revealed.current === selectedIndex) return;
    revealed.current = selectedIndex;
    if (t.y - 40 < el.scrollTop) el.scrollTop = t.y - 40;
    else if (t.y + t.h + 12 > el.scrollTop + el.clientHeight)
      el.scrollTop = t.y + t.h + 12 - el.clientHeight;
  }, [selectedIndex, layout, size.height]);

  const pick = (e: MouseEvent): number | undefined => {
    const rect = e.currentTarget.getBoundingClientRect();
    return hitTest(layout, e.clientX - rect.left, e.clientY - rect.top + top);
  };
  const onKey = (e: KeyboardEvent): void => {
    const dir = KEYS[e.key];
    let next: number | undefined;
    if (dir) next = neighbour(layout, selectedIndex, dir);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = nodes.length - 1;
    else if (e.key === 'Escape') {
      e.preventDefault();
      onSelect(undefined);
      return;
    }
    if (next === undefined || next < 0) return;
    e.preventDefault();
    onSelect(nodes[next]?.metadata.name);
  };

  const hoveredNode = hovered ? nodes[hovered.index] : undefined;
  return (
    <div className="fleet-wrap">
      <div
        ref={scroller}
        className="fleet-scroll"
        style={{ maxHeight: height, height: layout.height + 2 }}
        tabIndex={0}
        role="application"
        aria-roledescription="fleet map"
        aria-label={`Fleet map of ${nodes.length} nodes in ${groups.length} pools. Arrow keys move between nodes; the selected node's details are shown beside the map.`}
        onScroll={(e) => setTop(e.currentTarget.scrollTop)}
        onKeyDown={onKey}
      >
        <canvas
          ref={canvas}
          className="fleet-canvas"
          style={{ width: size.width, height: size.height }}
          onMouseMove={(e) => {
            const i = pick(e);
            const rect = e.currentTarget.getBoundingClientRect();
            setHovered(
              i !== undefined
                ? { index: i, x: e.clientX - rect.left, y: e.clientY - rect.top }
                : undefined,
            );
          }}
          onMouseLeave={() => setHovered(undefined)}
          onClick={(e) => {
            const i = pick(e);
            onSelect(i !== undefined ? nodes[i]?.metadata.name : undefined);
          }}
        />
        <div style={{ height: Math.max(0, layout.height - size.height) }} />
      </div>
      {hoveredNode && hovered && (
        <NodeTooltip node={hoveredNode} x={hovered.x} y={hovered.y} width={size.width} />
      )}
    </div>
  );
}
