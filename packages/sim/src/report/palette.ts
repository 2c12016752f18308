/**
 * The Okabe–Ito colour-blind-safe palette in an order that keeps neighbours far apart,
 * without its yellow (unreadable as a thin line on white).
 */
export const OKABE_ITO: readonly string[] = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
];

/** The palette colour of the `index`-th series; cycles when there are more series. */
export function seriesColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] ?? '#000000';
}
