/** Fonts for chart text; DejaVu Sans first so PNGs rendered on Debian match the SVG. */
export const FONT_FAMILY = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** Font sizes in pixels, by role. */
export const FONT_SIZE = {
  title: 18,
  subtitle: 13,
  axisLabel: 13,
  tick: 12,
  legend: 12,
} as const;

/** Colours of the chart's furniture (everything but the data). */
export const INK = {
  title: '#1a1a1a',
  text: '#444444',
  muted: '#666666',
  axis: '#555555',
  grid: '#e3e3e3',
  background: '#ffffff',
} as const;

/** Advance width in em of a character in DejaVu Sans, rounded up by class. */
function charWidth(c: string): number {
  if (c === ' ') return 0.32;
  if (/[.,:;'|!ijlfrt()[\]/-]/.test(c)) return 0.42;
  if (/[mwMW%@]/.test(c)) return 1;
  if (/[0-9]/.test(c)) return 0.64;
  if (/[a-z]/.test(c)) return 0.62;
  if (/[A-Z]/.test(c)) return 0.74;
  return 0.7;
}

/**
 * A slight over-estimate of the width of `text` set in DejaVu Sans at `size` pixels, for
 * layout without font metrics.
 */
export function textWidth(text: string, size: number): number {
  let ems = 0;
  for (const c of text) ems += charWidth(c);
  return ems * size;
}
