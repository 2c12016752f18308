import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { rowWindow, scrollToShow } from './virtual-window.js';

/** A column of a {@link VirtualTable}. */
export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** CSS grid track, e.g. `2fr` or `96px`. */
  readonly width: string;
  readonly render: (row: T) => ReactNode;
  /** Sort by this value when the header is clicked. */
  readonly sortValue?: (row: T) => string | number;
  readonly align?: 'right';
}

const ROW_H = 36;

/**
 * A table of any number of rows that renders only those in view (a grid with
 * `aria-rowcount`, so screen readers know the size). Keyboard: ↑/↓, Page Up/Down,
 * Home/End move the selected row; Enter opens it. Clicking a header sorts by it.
 */
export function VirtualTable<T>({
  rows,
  columns,
  rowKey,
  onOpen,
  label,
  height = 560,
  initialSort,
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  onOpen?: (row: T) => void;
  label: string;
  height?: number | string;
  initialSort?: { key: string; descending?: boolean };
}) {
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [active, setActive] = useState(-1);
  const [sort, setSort] = useState(initialSort);
  const template = columns.map((c) => c.width).join(' ');

  // Sorting keys on the sort function, not the columns: columns may be rebuilt each render.
  const sortValue = columns.find((c) => c.key === sort?.key)?.sortValue;
  const descending = sort?.descending === true;
  const sorted = useMemo(() => {
    if (!sortValue) return rows;
    const dir = descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = sortValue(a);
      const y = sortValue(b);
      return x < y ? -dir : x > y ? dir : 0;
    });
  }, [rows, sortValue, descending]);

  useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    setViewport(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (active >= sorted.length) setActive(sorted.length - 1);
  }, [sorted.length, active]);

  const win = rowWindow(sorted.length, ROW_H, viewport, scrollTop);
  const slots = Math.max(1, win.end - win.start);
  const moveTo = (index: number): void => {
    const i = Math.max(0, Math.min(sorted.length - 1, index));
    setActive(i);
    const el = body.current;
    if (el) el.scrollTop = scrollToShow(i, ROW_H, el.clientHeight, el.scrollTop);
  };
  const page = Math.max(1, Math.floor(viewport / ROW_H) - 1);
  const onKey = (e: KeyboardEvent): void => {
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: sorted.length - 1,
    };
    const to = moves[e.key];
    if (to !== undefined) {
      e.preventDefault();
      moveTo(to);
    } else if (e.key === 'Enter' && sorted[active] !== undefined) {
      e.preventDefault();
      onOpen?.(sorted[active]);
    }
  };
  const activeRow = sorted[active];
  const idOf = (row: T): string => `row-${rowKey(row)}`;

  return (
    <div
      className="vtable"
      role="grid"
      aria-label={label}
      aria-rowcount={sorted.length + 1}
      style={{ height }}
    >
      <div
        className="vtable-head"
        role="row"
        aria-rowindex={1}
        style={{ gridTemplateColumns: template }}
      >
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={c.align === 'right' ? 'num' : undefined}
            aria-sort={
              sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined
            }
          >
            {c.sortValue ? (
              <button
                type="button"
                onClick={() =>
                  setSort({
                    key: c.key,
                    descending: sort?.key === c.key ? !sort.descending : false,
                  })
                }
              >
                {c.header}
                {sort?.key === c.key ? (sort.descending ? ' ↓' : ' ↑') : ''}
              </button>
            ) : (
              c.header
            )}
          </div>
        ))}
      </div>
      <div
        ref={body}
        className="vtable-body"
        tabIndex={0}
        role="rowgroup"
        aria-activedescendant={activeRow !== undefined ? idOf(activeRow) : undefined}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKey}
        onFocus={() => active < 0 && sorted.length > 0 && setActive(win.start)}
      >
        <div style={{ height: win.height }} />
        {sorted.slice(win.start, win.end).map((row, i) => {
          const index = win.start + i;
          return (
            <div
              // Keyed by slot, not by row: scrolling reuses the rendered rows' elements
              // and only changes their contents, instead of building new ones.
              key={index % slots}
              id={idOf(row)}
              className="vtable-row"
              role="row"
              aria-rowindex={index + 2}
              aria-selected={index === active}
              style={{
                transform: `translateY(${index * ROW_H}px)`,
                height: ROW_H,
                gridTemplateColumns: template,
              }}
              onClick={() => {
                setActive(index);
                onOpen?.(row);
              }}
            >
              {columns.map((c) => (
                <div
                  key={c.key}
                  role="gridcell"
                  className={c.align === 'right' ? 'num' : undefined}
                >
                  {c.render(row)}
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <div className="vtable-count" aria-live="polite">
        {sorted.length.toLocaleString('en-US')} {sorted.length === 1 ? 'row' : 'rows'}
        {activeRow !== undefined && onOpen ? ' · Enter opens the selected row' : ''}
      </div>
    </div>
  );
}
