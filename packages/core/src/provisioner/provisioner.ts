import type { CatalogOffering } from '../cloud/catalog.js';
import type { MarketOffering } from '../cloud/market.js';
import { offeringId, type PurchaseMarket } from '../cloud/offering.js';
import type { WorkloadInfo } from '../model/types.js';
import type { ElasticSpec } from '../resources/nodepool.js';
import { MILLI_PER_GPU, MS_PER_HOUR } from '../units.js';
import { compareStrings } from '../util/heap.js';
import type { GangPartial } from '../scheduler/decisions.js';
import { marketAllowed, PURCHASE_MARKETS } from './market-rule.js';

/** An elastic node pool and how many nodes it has (running or launching). */
export interface ElasticPoolState {
  readonly name: string;
  readonly spec: ElasticSpec;
  readonly nodes: number;
}

/**
 * An instance being launched. Pending work waits for its room (whichever workload it was
 * launched for) rather than launching another.
 */
export interface LaunchInFlight {
  readonly pool: string;
  readonly offeringId: string;
  readonly market: PurchaseMarket;
}

/** What the provisioner needs to know. */
export interface ProvisionInput {
  /** Workloads the scheduler could not place, in the order to serve them. */
  readonly pending: readonly WorkloadInfo[];
  readonly pools: readonly ElasticPoolState[];
  readonly market: readonly MarketOffering[];
  /**
   * Reclaims per ms of spot capacity of an offering in a zone as a constant rate over the
   * next `horizonMs` (the mover's hazard estimate).
   */
  readonly hazard: (offering: CatalogOffering, zone: string, horizonMs: number) => number;
  readonly inFlight: readonly LaunchInFlight[];
  readonly now: number;
  /** Run time assumed for workloads that do not say (default 1 h). */
  readonly defaultRunMs?: number;
  /**
   * The run time to plan for, when the caller knows more than the workload says (e.g. it
   * was reclaimed before: it runs longer than assumed). Default: the workload's expected
   * duration, else `defaultRunMs`.
   */
  readonly runEstimate?: (w: WorkloadInfo) => number | undefined;
  /** Time to get a replacement running after a reclaim: boot, restore (default 10 min). */
  readonly restartMs?: number;
  /** Whether quota lets the workload run in a pool at all (default: yes). */
  readonly admits?: (w: WorkloadInfo, pool: string) => boolean;
  /**
   * Replicas of a gang that fit on a pool's nodes now (the scheduler's `partial`): in that
   * pool only the rest is launched for.
   */
  readonly fitsNow?: (w: WorkloadInfo) => GangPartial | undefined;
}

/** One instance to launch, and why. */
export interface LaunchPlan {
  readonly pool: string;
  readonly offeringId: string;
  readonly zone: string;
  readonly market: PurchaseMarket;
  /** For spot: the bid, at most the on-demand price (micro-dollars per hour). */
  readonly bidPerHourMicros?: number;
  /** The price expected now, micro-dollars per hour. */
  readonly pricePerHourMicros: number;
  readonly forWorkloads: string[];
  /** Expected cost of the work it is launched for, micro-dollars. */
  readonly expectedCostMicros: number;
  readonly reason: string;
}

/** The provisioner's answer: launches, and why the rest cannot get capacity. */
export interface ProvisionResult {
  readonly launches: LaunchPlan[];
  readonly unserved: { readonly workload: string; readonly reason: string }[];
}

/** One way to run a workload: an offering in a zone on a market. */
interface Option {
  readonly pool: ElasticPoolState;
  readonly offering: CatalogOffering;
  readonly zone: string;
  readonly market: PurchaseMarket;
  readonly price: number;
  /** Replicas one instance holds. */
  readonly perInstance: number;
  /** Replicas launched for: the workload's, or those of a gang that do not fit now. */
  readonly replicas: number;
  readonly instances: number;
  readonly expectedCost: number;
  readonly reclaimProbability: number;
}

/**
 * Chooses what to launch for work that fits nowhere: for each workload, every offering,
 * zone and market its constraints and its pools allow (GPU model, clouds, regions,
 * instance types, `spot`/`on-demand`/`auto`, `maxPricePerHour` per replica, deadline), and
 * takes the least expected cost: price × run time, plus for spot the reclaim probability
 * over the run × (the work lost since the last checkpoint + the restart). Spot bids are the
 * on-demand price (a spot instance never costs more than on-demand). Several replicas share
 * an instance when it holds them. O(workloads × offerings × zones).
 */
export function planLaunches(input: ProvisionInput): ProvisionResult {
  const launches: LaunchPlan[] = [];
  const unserved: ProvisionResult['unserved'] = [];
  const planned = new Map<string, number>();
  const open = inFlightRoom(input);
  for (const w of input.pending) {
    if (w.request.gpuMilli === 0) continue;
    const eligible = input.pools.filter(
      (p) => w.nodePools.length === 0 || w.nodePools.includes(p.name),
    );
    const admitted = eligible.filter((p) => input.admits?.(w, p.name) ?? true);
    if (packInto(open, w, admitted)) continue;
    const rest = remainder(w, input.fitsNow?.(w));
    if (
      rest &&
      packInto(
        open,
        rest.w,
        admitted.filter((p) => p.name === rest.pool),
      )
    )
      continue;
    const pools = admitted.filter((p) => p.nodes + (planned.get(p.name) ?? 0) < p.spec.maxNodes);
    if (pools.length === 0) {
      if (eligible.length > 0)
        unserved.push({
          workload: w.key,
          reason:
            admitted.length === 0
              ? `its queue has no quota left in elastic pool(s) ${eligible.map((p) => p.name).join(', ')}`
              : 'its elastic node pools are at their maximum size',
        });
      continue;
    }
    const options = pools.flatMap((pool) =>
      optionsFor(rest?.pool === pool.name ? rest.w : w, pool, input),
    );
    const best = options.sort(byCost)[0];
    if (!best) {
      unserved.push({ workload: w.key, reason: `no cloud offering matches: ${describeNeed(w)}` });
      continue;
    }
    const room = best.pool.spec.maxNodes - best.pool.nodes - (planned.get(best.pool.name) ?? 0);
    if (best.instances > room) {
      unserved.push({
        workload: w.key,
        reason: `needs ${best.instances} × ${best.offering.instanceType} but pool ${best.pool.name} has room for ${room} more nodes`,
      });
      continue;
    }
    planned.set(best.pool.name, (planned.get(best.pool.name) ?? 0) + best.instances);
    let left = best.replicas;
    for (let i = 0; i < best.instances; i++) {
      const plan = toPlan(w, best);
      launches.push(plan);
      const instance = openInstance(best.pool, best.offering, plan.market, plan.forWorkloads);
      for (let r = 0; r < best.perInstance && left > 0; r++, left--) take(instance, w);
      open.push(instance);
    }
  }
  return { launches, unserved };
}

/** The replicas of a gang still to be housed in the pool where part of it fits now. */
function remainder(
  w: WorkloadInfo,
  partial: GangPartial | undefined,
): { pool: string; w: WorkloadInfo } | undefined {
  if (partial === undefined || partial.replicas <= 0 || partial.replicas >= w.replicas)
    return undefined;
  return { pool: partial.pool, w: { ...w, replicas: w.replicas - partial.replicas } };
}

/** An instance launching or planned, and the room its workloads leave. */
interface OpenInstance {
  readonly offering: CatalogOffering;
  readonly pool: ElasticPoolState;
  readonly market: PurchaseMarket;
  /** The plan's list of workloads, for planned instances (riders are added to it). */
  readonly forWorkloads: string[] | undefined;
  readonly gpuFree: number[];
  cpuFree: number;
  memFree: number;
}

function openInstance(
  pool: ElasticPoolState,
  offering: CatalogOffering,
  market: PurchaseMarket,
  forWorkloads?: string[],
): OpenInstance {
  return {
    offering,
    pool,
    market,
    forWorkloads,
    gpuFree: Array.from({ length: offering.gpuCount }, () => MILLI_PER_GPU),
    cpuFree: offering.cpuMilli,
    memFree: offering.memoryMiB,
  };
}

/** Instances already launching, as empty room (of pools and offerings still known). */
function inFlightRoom(input: ProvisionInput): OpenInstance[] {
  const offerings = new Map(input.market.map((m) => [offeringId(m.offering), m.offering]));
  const pools = new Map(input.pools.map((p) => [p.name, p]));
  const out: OpenInstance[] = [];
  for (const f of input.inFlight) {
    const offering = offerings.get(f.offeringId);
    const pool = pools.get(f.pool);
    if (offering && pool) out.push(openInstance(pool, offering, f.market));
  }
  return out;
}

/** Whether one replica of `w` fits the room left on an instance. */
function fits(i: OpenInstance, w: WorkloadInfo): boolean {
  const r = w.request;
  if (i.cpuFree < r.cpuMilli || i.memFree < r.memoryMiB) return false;
  if (r.gpuMilli >= MILLI_PER_GPU)
    return i.gpuFree.filter((f) => f === MILLI_PER_GPU).length >= r.gpuMilli / MILLI_PER_GPU;
  return i.gpuFree.some((f) => f >= r.gpuMilli);
}

/** Books one replica of `w` on an instance (whole GPUs lowest first; a fraction on the fullest GPU that holds it). */
function take(i: OpenInstance, w: WorkloadInfo): void {
  const r = w.request;
  i.cpuFree -= r.cpuMilli;
  i.memFree -= r.memoryMiB;
  if (r.gpuMilli >= MILLI_PER_GPU) {
    let n = r.gpuMilli / MILLI_PER_GPU;
    for (let g = 0; g < i.gpuFree.length && n > 0; g++) {
      if (i.gpuFree[g] !== MILLI_PER_GPU) continue;
      i.gpuFree[g] = 0;
      n--;
    }
    return;
  }
  let best = -1;
  i.gpuFree.forEach((f, g) => {
    if (f >= r.gpuMilli && (best < 0 || f < (i.gpuFree[best] as number))) best = g;
  });
  i.gpuFree[best] = (i.gpuFree[best] as number) - r.gpuMilli;
}

/**
 * Puts every replica of `w` on room left in instances already launching or planned for
 * earlier workloads (in pools that admit it), so work rides along instead of launching
 * its own. All or nothing: on failure the room is left as it was.
 */
function packInto(
  open: readonly OpenInstance[],
  w: WorkloadInfo,
  pools: readonly ElasticPoolState[],
): boolean {
  const usable = open.filter(
    (i) =>
      pools.includes(i.pool) &&
      offeringAllowed(i.offering, w, i.pool.spec) &&
      marketAllowed(w, i.pool.spec.market, i.market),
  );
  const saved = usable.map((i) => ({
    gpuFree: [...i.gpuFree],
    cpuFree: i.cpuFree,
    memFree: i.memFree,
  }));
  const used = new Set<OpenInstance>();
  for (let r = 0; r < w.replicas; r++) {
    const target = usable.find((i) => fits(i, w));
    if (!target) {
      usable.forEach((i, k) => {
        const s = saved[k] as (typeof saved)[number];
        i.gpuFree.splice(0, i.gpuFree.length, ...s.gpuFree);
        i.cpuFree = s.cpuFree;
        i.memFree = s.memFree;
      });
      return false;
    }
    take(target, w);
    used.add(target);
  }
  for (const i of used) i.forWorkloads?.push(w.key);
  return true;
}

function optionsFor(w: WorkloadInfo, pool: ElasticPoolState, input: ProvisionInput): Option[] {
  const spec = pool.spec;
  const capacity = w.capacity;
  const runMs = input.runEstimate?.(w) ?? w.expectedDurationMs ?? input.defaultRunMs ?? MS_PER_HOUR;
  const restartMs = input.restartMs ?? 10 * 60_000;
  const out: Option[] = [];
  for (const { offering: o, spot } of input.market) {
    if (!offeringAllowed(o, w, spec)) continue;
    const perInstance = replicasPerInstance(o, w);
    if (perInstance === 0) continue;
    const instances = Math.ceil(w.replicas / Math.min(perInstance, w.replicas));
    const held = Math.min(perInstance, w.replicas);
    for (const market of PURCHASE_MARKETS) {
      if (!marketAllowed(w, spec.market, market)) continue;
      const zones =
        market === 'spot'
          ? [...spot].filter(([, q]) => q.available).map(([z]) => z)
          : o.zones.length > 0
            ? [o.zones[0] as string]
            : [''];
      for (const zone of zones) {
        const price =
          market === 'spot'
            ? (spot.get(zone)?.pricePerHourMicros ?? o.spotPerHourMicros)
            : o.onDemandPerHourMicros;
        if (price === undefined) continue;
        if (
          capacity?.maxPricePerHourMicros !== undefined &&
          price / held > capacity.maxPricePerHourMicros
        )
          continue;
        const rate = market === 'spot' ? input.hazard(o, zone, runMs) : 0;
        const q = 1 - Math.exp(-rate * runMs);
        const expectedMs = expectedRunMs(runMs, w.checkpointIntervalMs, restartMs, rate);
        if (!Number.isFinite(expectedMs)) continue;
        if (
          market === 'spot' &&
          w.deadlineAt !== undefined &&
          input.now + expectedMs + restartMs > w.deadlineAt
        )
          continue;
        const expectedCost = (instances * price * expectedMs) / MS_PER_HOUR;
        out.push({
          pool,
          offering: o,
          zone,
          market,
          price,
          perInstance,
          replicas: w.replicas,
          instances,
          expectedCost,
          reclaimProbability: q,
        });
      }
    }
  }
  return out;
}

/**
 * Expected time to finish `runMs` of work when reclaims come at `rate` (per ms) and each
 * costs `restartMs` plus the work since the last checkpoint: the run is made of segments
 * between checkpoints (one segment without checkpoints), and a segment of length s takes
 * (e^{rate·s} − 1)·(1/rate + restart) on average (retrying until it survives). Tends to
 * `runMs` as the rate goes to 0; Infinity when hopeless (e^{rate·s} overflows past e^50).
 */
export function expectedRunMs(
  runMs: number,
  checkpointMs: number | undefined,
  restartMs: number,
  rate: number,
): number {
  if (rate <= 0) return runMs;
  const segment = Math.min(runMs, checkpointMs ?? runMs);
  const segments = runMs / segment;
  const exponent = rate * segment;
  if (exponent > 50) return Infinity;
  return segments * Math.expm1(exponent) * (1 / rate + restartMs);
}

/**
 * Whether an offering meets a workload's capacity constraints and its elastic pool's
 * (GPU models, instance types, clouds, regions). The market is checked apart.
 */
export function offeringAllowed(o: CatalogOffering, w: WorkloadInfo, spec: ElasticSpec): boolean {
  const models = w.request.gpuModels;
  if (models.length > 0 && !models.includes(o.gpuModel)) return false;
  if (spec.gpuModels.length > 0 && !spec.gpuModels.includes(o.gpuModel)) return false;
  if (spec.instanceTypes.length > 0 && !spec.instanceTypes.includes(o.instanceType)) return false;
  const clouds = w.capacity?.clouds ?? [];
  if (clouds.length > 0 && !clouds.includes(o.cloud)) return false;
  if (spec.clouds.length > 0 && !spec.clouds.includes(o.cloud)) return false;
  const regions = w.capacity?.regions ?? [];
  if (regions.length > 0 && !regions.includes(o.region)) return false;
  if (spec.regions.length > 0 && !spec.regions.includes(o.region)) return false;
  return true;
}

/** How many replicas of `w` fit one instance of `o` (GPU, CPU and memory). */
export function replicasPerInstance(o: CatalogOffering, w: WorkloadInfo): number {
  const r = w.request;
  const byGpu =
    r.gpuMilli >= MILLI_PER_GPU
      ? Math.floor(o.gpuCount / (r.gpuMilli / MILLI_PER_GPU))
      : o.gpuCount * Math.floor(MILLI_PER_GPU / r.gpuMilli);
  const byCpu = r.cpuMilli > 0 ? Math.floor(o.cpuMilli / r.cpuMilli) : Infinity;
  const byMem = r.memoryMiB > 0 ? Math.floor(o.memoryMiB / r.memoryMiB) : Infinity;
  return Math.max(0, Math.min(byGpu, byCpu, byMem));
}

function byCost(a: Option, b: Option): number {
  return (
    a.expectedCost - b.expectedCost ||
    a.offering.onDemandPerHourMicros - b.offering.onDemandPerHourMicros ||
    compareStrings(offeringId(a.offering), offeringId(b.offering)) ||
    compareStrings(a.zone, b.zone)
  );
}

function toPlan(w: WorkloadInfo, o: Option): LaunchPlan {
  const dollars = (m: number): string => `$${(m / 1e6).toFixed(2)}`;
  const risk =
    o.market === 'spot'
      ? `, reclaim risk over the run ${(100 * o.reclaimProbability).toFixed(0)}%`
      : '';
  const plan: LaunchPlan = {
    pool: o.pool.name,
    offeringId: offeringId(o.offering),
    zone: o.zone,
    market: o.market,
    pricePerHourMicros: o.price,
    forWorkloads: [w.key],
    expectedCostMicros: Math.round(o.expectedCost),
    reason: `${w.key}: ${o.instances} × ${o.offering.instanceType} ${o.market} in ${o.zone || o.offering.region} at ${dollars(o.price)}/h${risk}; expected ${dollars(o.expectedCost)}`,
  };
  return o.market === 'spot'
    ? { ...plan, bidPerHourMicros: o.offering.onDemandPerHourMicros }
    : plan;
}

function describeNeed(w: WorkloadInfo): string {
  const r = w.request;
  const gpu =
    r.gpuMilli >= MILLI_PER_GPU
      ? `${r.gpuMilli / MILLI_PER_GPU} ${r.gpuModels.join('|') || ''} GPU(s)`
      : `${r.gpuMilli / 1000} GPU`;
  const price =
    w.capacity?.maxPricePerHourMicros !== undefined
      ? ` within $${(w.capacity.maxPricePerHourMicros / 1e6).toFixed(2)}/h per replica`
      : '';
  return `${w.replicas} × ${gpu.replace(/\s+/g, ' ')}${price} on ${w.capacity?.market ?? 'auto'} capacity`;
}

/** A cloud node as the scale-down sees it. */
export interface ElasticNode {
  readonly name: string;
  readonly pool: string;
  /** When it last ran nothing (undefined while busy). */
  readonly idleSince?: number;
}

/**
 * Nodes to remove: idle longer than their pool's time-to-live, keeping each pool's
 * minimum size (the longest-idle go first).
 */
export function planScaleDown(
  nodes: readonly ElasticNode[],
  pools: readonly ElasticPoolState[],
  now: number,
): ElasticNode[] {
  const out: ElasticNode[] = [];
  for (const pool of pools) {
    const mine = nodes.filter((n) => n.pool === pool.name);
    let removable = mine.length - pool.spec.minNodes;
    const idle = mine
      .filter((n) => n.idleSince !== undefined && now - n.idleSince >= pool.spec.idleTtlMs)
      .sort(
        (a, b) =>
          (a.idleSince as number) - (b.idleSince as number) || compareStrings(a.name, b.name),
      );
    for (const n of idle) {
      if (removable <= 0) break;
      out.push(n);
      removable--;
    }
  }
  return out;
}
