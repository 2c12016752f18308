/** Which rows of a long list to render, given where it is scrolled. */
export interface RowWindow {
  /** First row to render. */
  readonly start: number;
  /** One past the last row to render. */
  readonly end: number;
  /** Pixel offset of the first rendered row. */
  readonly offset: number;
  /** Pixel height of all rows. */
  readonly height: number;
}

/**
 * The rows of fixed height `rowHeight` that a viewport of `viewport` pixels scrolled to
 * `scrollTop` shows, plus `overscan` rows either side so fast scrolling shows no gaps.
 */
export function rowWindow(
  count: number,
  rowHeight: number,
  viewport: number,
  scrollTop: number,
  overscan = 6,
): RowWindow {
  const height = count * rowHeight;
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, height - viewport));
  const first = Math.floor(top / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, Math.ceil((top + viewport) / rowHeight) + overscan);
  return { start, end: Math.max(start, end), offset: start * rowHeight, height };
}

/** The scroll position that brings row `index` fully into view, moving as little as possible. */
export function scrollToShow(
  index: number,
  rowHeight: number,
  viewport: number,
  scrollTop: number,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return scrollTop;
}
