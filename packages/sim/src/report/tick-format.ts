/** Suffixes for large tick values, largest first: used once the largest tick reaches `from`. */
const UNITS: readonly { readonly from: number; readonly size: number; readonly suffix: string }[] =
  [
    { from: 1e9, size: 1e9, suffix: 'B' },
    { from: 1e6, size: 1e6, suffix: 'M' },
    { from: 1e4, size: 1e3, suffix: 'k' },
  ];

/** The fewest decimals (up to 6) that write every value exactly. */
function decimalsFor(values: readonly number[]): number {
  for (let decimals = 0; decimals < 6; decimals++) {
    const scale = 10 ** decimals;
    if (values.every((v) => Math.abs(Math.round(v * scale) - v * scale) < 1e-6)) return decimals;
  }
  return 6;
}

/**
 * A formatter for one axis' tick labels, consistent across the axis: the same number of
 * decimals for every tick, thousands separators below 10,000 (so hours read 0, 24, 1,200)
 * and k, M or B suffixes above (20k, 1.5M); zero is always written `0`.
 */
export function tickFormatter(ticks: readonly number[]): (value: number) => string {
  const largest = Math.max(0, ...ticks.map(Math.abs));
  const unit = UNITS.find((u) => largest >= u.from);
  const size = unit?.size ?? 1;
  const decimals = decimalsFor(ticks.map((t) => t / size));
  const format = new Intl.NumberFormat('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return (value) => (value === 0 ? '0' : `${format.format(value / size)}${unit?.suffix ?? ''}`);
}
