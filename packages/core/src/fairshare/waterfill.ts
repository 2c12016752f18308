/** One claimant in a water-filling division. */
export interface Claim {
  /** Guaranteed amount, served first. */
  readonly deserved: number;
  /** Weight for dividing what is left after every deserved amount is served. */
  readonly weight: number;
  /** Never give more than this (limit and demand). */
  readonly cap: number;
}

/**
 * Divides `total` among claims: first each claim's deserved amount (capped), then what is
 * left by weighted max-min fairness (water-filling) up to each cap. When the deserved
 * amounts alone exceed `total`, they are scaled down by weighted max-min with the
 * deserved amounts as weights. O(k log k) for k claims.
 */
export function waterfill(total: number, claims: readonly Claim[]): number[] {
  const base = claims.map((c) => Math.max(0, Math.min(c.deserved, c.cap)));
  const baseSum = base.reduce((a, b) => a + b, 0);
  if (baseSum >= total) {
    return maxMin(
      total,
      base.map((b) => ({ room: b, weight: b })),
    );
  }
  const extra = maxMin(
    total - baseSum,
    claims.map((c, i) => ({
      room: Math.max(0, c.cap - (base[i] as number)),
      weight: Math.max(0, c.weight),
    })),
  );
  return base.map((b, i) => b + (extra[i] as number));
}

/**
 * Weighted max-min division of `total`: each claimant gets weight × level, capped by its
 * room, with the level raised until `total` is used up or every room is full.
 */
function maxMin(total: number, claims: readonly { room: number; weight: number }[]): number[] {
  const out = claims.map(() => 0);
  const order = claims
    .map((c, i) => ({ ...c, i }))
    .filter((c) => c.weight > 0 && c.room > 0)
    .sort((a, b) => a.room / a.weight - b.room / b.weight || a.i - b.i);
  let remaining = total;
  let weight = order.reduce((a, c) => a + c.weight, 0);
  for (const c of order) {
    if (remaining <= 0 || weight <= 0) break;
    const fair = (remaining * c.weight) / weight;
    const given = Math.min(c.room, fair);
    out[c.i] = given;
    remaining -= given;
    weight -= c.weight;
  }
  return out;
}
