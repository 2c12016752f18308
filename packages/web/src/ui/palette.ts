/** Line colours for charts, distinct in light and dark themes. */
const PALETTE = [
  '#3b82f6',
  '#f97316',
  '#10b981',
  '#a855f7',
  '#ef4444',
  '#06b6d4',
  '#eab308',
  '#ec4899',
] as const;

/** The colour of the `i`-th line. */
export function lineColour(i: number): string {
  return PALETTE[i % PALETTE.length] as string;
}
