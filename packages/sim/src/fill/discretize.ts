/** One event of a fill run: the cluster after a pod was placed or failed. */
export interface FillEvent {
  /** Cumulative GPU request of all pods tried so far, milli-GPU. */
  readonly arrivedMilli: number;
  /** Allocated milli-GPU. */
  readonly usedMilli: number;
  /** Expected fragmentation of the whole cluster, milli-GPU. */
  readonly fragMilli: number;
  /** Idle milli-GPU. */
  readonly idleMilli: number;
}

/** One point of a fill curve: at `arrivedPct` of capacity arrived, what was allocated and fragmented. */
export interface FillPoint {
  readonly arrivedPct: number;
  /** Allocated GPU, % of cluster GPUs. */
  readonly allocPct: number;
  /** Fragmented GPU (FGD's measure), % of cluster GPUs. */
  readonly fragPct: number;
  /** Fragmented GPU, % of idle GPUs. */
  readonly fragRatioPct: number;
}

/** Rounds half to even, as numpy does. */
export function roundHalfEven(x: number, digits = 0): number {
  const f = 10 ** digits;
  const y = x * f;
  const r = Math.round(y);
  const isHalf = Math.abs(Math.abs(y - Math.trunc(y)) - 0.5) < 1e-9;
  const even = isHalf && r % 2 !== 0 ? r - 1 : r;
  return even / f;
}

/**
 * The FGD artifact's discretisation: each event falls in the integer bucket
 * round(arrived %); each point x = 0…max is the mean over the events of bucket x (of the
 * allocation % rounded to two decimals), or of buckets x−1…x+1 when x has none, or is
 * absent.
 */
export function discretize(
  events: readonly FillEvent[],
  clusterMilli: number,
  maxPct: number,
): (FillPoint | undefined)[] {
  const buckets = new Map<number, FillEvent[]>();
  for (const e of events) {
    const x = roundHalfEven((100 * e.arrivedMilli) / clusterMilli);
    const list = buckets.get(x) ?? [];
    list.push(e);
    buckets.set(x, list);
  }
  const out: (FillPoint | undefined)[] = [];
  for (let x = 0; x <= maxPct; x++) {
    let rows = buckets.get(x);
    if (!rows) rows = [...(buckets.get(x - 1) ?? []), ...(buckets.get(x + 1) ?? [])];
    if (rows.length === 0) {
      out.push(undefined);
      continue;
    }
    const mean = (f: (e: FillEvent) => number): number =>
      rows.reduce((a, e) => a + f(e), 0) / rows.length;
    out.push({
      arrivedPct: x,
      allocPct: roundHalfEven(
        mean((e) => roundHalfEven((100 * e.usedMilli) / clusterMilli, 2)),
        2,
      ),
      fragPct: roundHalfEven((100 * mean((e) => e.fragMilli)) / clusterMilli, 2),
      fragRatioPct: mean((e) => (e.idleMilli > 0 ? (100 * e.fragMilli) / e.idleMilli : 0)),
    });
  }
  return out;
}
