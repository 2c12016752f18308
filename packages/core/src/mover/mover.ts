import type { CatalogOffering } from '../cloud/catalog.js';
import type { MarketOffering } from '../cloud/market.js';
import { offeringId, type PurchaseMarket } from '../cloud/offering.js';
import type { Booking, NodeInfo } from '../model/types.js';
import { marketAllowed } from '../provisioner/market-rule.js';
import { expectedRunMs, offeringAllowed } from '../provisioner/provisioner.js';
import type { ElasticSpec } from '../resources/nodepool.js';
import { MS_PER_HOUR } from '../units.js';
import { compareStrings } from '../util/heap.js';
import { PriceFloor } from './price-floor.js';
import {
  checkpointRestore,
  livePreCopy,
  migrationCostMicros,
  type MigrationMethod,
} from './migration-cost.js';

/** Why a workload moves. */
export type MoveKind = 'reactive' | 'proactive' | 'opportunistic' | 'deadline';

/** A workload running on cloud capacity, as the mover sees it. */
export interface RunningOnCloud {
  readonly booking: Booking;
  readonly node: NodeInfo;
  /**
   * The workload is the only resident of its node, or of each of its `gangNodes`: moving
   * it frees them.
   */
  readonly alone: boolean;
  /**
   * Every node of a multi-node gang, `node` among them (absent for a workload on one
   * node). A gang moves as a unit: one target instance per node.
   */
  readonly gangNodes?: readonly NodeInfo[];
  /** When the node will be reclaimed, if a notice came. */
  readonly reclaimAt?: number;
  /** The elastic spec of the node's pool: targets must be what the pool may buy. */
  readonly pool?: ElasticSpec;
}

/** Where a workload could move: an offering in a zone on a market. */
export interface MoveTarget {
  readonly offeringId: string;
  readonly cloud: string;
  readonly region: string;
  readonly zone: string;
  readonly market: 'spot' | 'on-demand';
  readonly pricePerHourMicros: number;
}

/** A decision to move a workload, with its costs and the reason. */
export interface MoveDecision {
  readonly workload: string;
  readonly from: string;
  readonly kind: MoveKind;
  readonly method: MigrationMethod;
  readonly target: MoveTarget;
  /** Instances of the target to launch: one per node of a multi-node gang moved as a unit. */
  readonly instances: number;
  /** What moving costs: paused GPU-time, redone work, egress (micro-dollars). */
  readonly moveCostMicros: number;
  /** What moving is expected to save or protect (micro-dollars). */
  readonly benefitMicros: number;
  readonly reason: string;
}

/** Knobs of the mover, with defaults. */
export interface MoverConfig {
  /** How far ahead proactive moves look, ms (default 1 h). */
  readonly horizonMs: number;
  /** Bandwidth between places in one region, MiB/s (default 1,000); across regions or clouds ÷ 10. */
  readonly bandwidthMiBps: number;
  /** Time to get running on new capacity (boot, restore), ms (default 5 min). */
  readonly restartMs: number;
  /** Benefit must exceed cost by this factor (default 1.5). */
  readonly margin: number;
  /** Move to on-demand when the deadline's slack falls below this, ms (default 30 min). */
  readonly minSlackMs: number;
  /** Egress price between two places, micro-dollars per GiB. */
  readonly egressPerGiB: (
    from: { cloud: string; region: string },
    to: { cloud: string; region: string },
  ) => number;
}

/** Default egress prices: free within a region, $0.02/GiB between regions of a cloud, $0.09/GiB across clouds. */
export function defaultEgressPerGiB(
  from: { cloud: string; region: string },
  to: { cloud: string; region: string },
): number {
  if (from.cloud !== to.cloud) return 90_000;
  return from.region === to.region ? 0 : 20_000;
}

/** The mover's defaults. */
export const DEFAULT_MOVER_CONFIG: MoverConfig = {
  horizonMs: MS_PER_HOUR,
  bandwidthMiBps: 1000,
  restartMs: 5 * 60_000,
  margin: 1.5,
  minSlackMs: 30 * 60_000,
  egressPerGiB: defaultEgressPerGiB,
};

/** What the mover needs. */
export interface MoverInput {
  readonly running: readonly RunningOnCloud[];
  readonly market: readonly MarketOffering[];
  /**
   * Reclaims per ms of spot capacity of an offering in a zone, as a constant rate over the
   * next `horizonMs` (capacity that has lasted long is safer, so the rate depends on it).
   */
  readonly hazard: (offering: CatalogOffering, zone: string, horizonMs: number) => number;
  readonly now: number;
  readonly config?: Partial<MoverConfig>;
}

/**
 * Decides which workloads on cloud capacity should move, and where:
 * - **reactive** — the node has a reclaim notice: move now, live if the pre-copy fits the
 *   notice window, else checkpoint first if that fits, else restart from the last checkpoint;
 * - **deadline** — the slack before the workload's deadline is short: move to on-demand
 *   (the target is for one node's share: a multi-node gang restarts on on-demand
 *   capacity the provisioner launches for all of it);
 * - **proactive** — the expected loss from a reclaim over the horizon (reclaim probability
 *   × work since the last checkpoint and the restart) exceeds the cost of moving to a safer
 *   place by the margin;
 * - **opportunistic** — a cheaper place saves more over the remaining run than moving costs.
 * At most one decision per workload. O(workloads × places).
 */
export function planMoves(input: MoverInput): MoveDecision[] {
  const config = { ...DEFAULT_MOVER_CONFIG, ...input.config };
  const floor = new PriceFloor(input.market);
  const out: MoveDecision[] = [];
  for (const r of input.running) {
    const cloud = r.node.cloud;
    if (!cloud) continue;
    const decision =
      reactive(r, input, config) ??
      deadline(r, input, config) ??
      proactiveOrCheaper(r, input, config, floor);
    if (decision) out.push(decision);
  }
  return out.sort((a, b) => compareStrings(a.workload, b.workload));
}

/** Work left, ms: expected run time minus time run so far (its progress is its run time). */
function remainingMs(r: RunningOnCloud, now: number): number {
  const expected = r.booking.workload.expectedDurationMs;
  if (expected === undefined) return MS_PER_HOUR;
  return Math.max(0, expected - (now - r.booking.startedAt));
}

function sinceCheckpointMs(r: RunningOnCloud, now: number): number {
  return Math.max(0, now - (r.booking.lastCheckpointAt ?? r.booking.startedAt));
}

/** The workload's price per hour: its node's when alone there, else its share of the node's GPUs. */
function priceNow(r: RunningOnCloud): number {
  const n = r.node;
  const price = n.pricePerHourMicros ?? 0;
  return r.alone || n.gpus === 0 ? price : (price * heldMilli(r)) / (n.gpus * 1000);
}

/** Cost and method of moving `r` to `target` given a window (ms) before the source disappears. */
function moveCost(
  r: RunningOnCloud,
  target: MoveTarget,
  now: number,
  windowMs: number,
  config: MoverConfig,
): { method: MigrationMethod; cost: number; lostMs: number } {
  const w = r.booking.workload;
  const from = r.node.cloud as NonNullable<NodeInfo['cloud']>;
  const sameRegion = from.cloud === target.cloud && from.region === target.region;
  const bandwidth = sameRegion ? config.bandwidthMiBps : config.bandwidthMiBps / 10;
  const egress = config.egressPerGiB(
    { cloud: from.cloud, region: from.region },
    { cloud: target.cloud, region: target.region },
  );
  const price = priceNow(r);
  if (w.migration) {
    const live = livePreCopy({
      memoryMiB: w.migration.memoryMiB,
      dirtyRateMiBps: w.migration.dirtyRateMiBps,
      bandwidthMiBps: bandwidth,
      stopCopyMiB: 256,
      maxRounds: 10,
      switchMs: 2000,
    });
    if (live.durationMs <= windowMs)
      return {
        method: 'live',
        lostMs: 0,
        cost: migrationCostMicros({
          downtimeMs: live.downtimeMs + config.restartMs,
          lostWorkMs: 0,
          copiedMiB: live.copiedMiB,
          pricePerHourMicros: price,
          egressPerGiBMicros: egress,
        }),
      };
  }
  const sizeMiB = (w.migration?.memoryMiB ?? 0) + 0;
  const writeMs = (sizeMiB / 2000) * 1000;
  const fresh = w.checkpointIntervalMs !== undefined && writeMs < windowMs;
  const lostMs = fresh
    ? 0
    : w.checkpointIntervalMs !== undefined
      ? sinceCheckpointMs(r, now)
      : now - r.booking.startedAt;
  const cr = checkpointRestore({
    checkpointMiB: sizeMiB,
    bandwidthMiBps: bandwidth,
    restoreMs: config.restartMs,
    sinceCheckpointMs: lostMs,
    freshCheckpoint: fresh,
    checkpointWriteMs: writeMs,
  });
  return {
    method: 'checkpoint',
    lostMs: cr.lostWorkMs,
    cost: migrationCostMicros({
      downtimeMs: cr.downtimeMs,
      lostWorkMs: cr.lostWorkMs,
      copiedMiB: cr.copiedMiB,
      pricePerHourMicros: price,
      egressPerGiBMicros: egress,
    }),
  };
}

/**
 * Places the workload could move to: offerings with a GPU model it allows (any, when it
 * names none) and at least the GPUs it holds on its node, but not the spot place it runs
 * on (on-demand work may move to spot of its own instance type and zone).
 */
function targets(
  r: RunningOnCloud,
  input: MoverInput,
  market: 'spot' | 'on-demand' | 'any',
): MoveTarget[] {
  const node = r.node;
  const w = r.booking.workload;
  const held = Math.ceil(heldMilli(r) / 1000);
  const out: MoveTarget[] = [];
  for (const { offering: o, spot } of input.market) {
    if (w.request.gpuModels.length > 0 && !w.request.gpuModels.includes(o.gpuModel)) continue;
    if (r.pool !== undefined && !offeringAllowed(o, w, r.pool)) continue;
    if (o.gpuCount < held) continue;
    if (market !== 'spot')
      out.push({
        offeringId: offeringId(o),
        cloud: o.cloud,
        region: o.region,
        zone: o.zones[0] ?? '',
        market: 'on-demand',
        pricePerHourMicros: o.onDemandPerHourMicros,
      });
    if (market === 'on-demand') continue;
    const here = node.market === 'spot' ? node.cloud?.instanceType : undefined;
    for (const [zone, q] of spot) {
      if (!q.available || (zone === node.zone && o.instanceType === here)) continue;
      const price = q.pricePerHourMicros ?? o.spotPerHourMicros;
      if (price !== undefined)
        out.push({
          offeringId: offeringId(o),
          cloud: o.cloud,
          region: o.region,
          zone,
          market: 'spot',
          pricePerHourMicros: price,
        });
    }
  }
  return out.sort(
    (a, b) =>
      a.pricePerHourMicros - b.pricePerHourMicros ||
      compareStrings(`${a.offeringId}@${a.zone}`, `${b.offeringId}@${b.zone}`),
  );
}

/** Milli-GPU the workload holds on its node. */
function heldMilli(r: RunningOnCloud): number {
  return r.booking.placements
    .filter((p) => p.node === r.node.name)
    .reduce((a, p) => a + p.gpus.reduce((b, g) => b + g.milli, 0), 0);
}

function allowedTarget(r: RunningOnCloud, t: MoveTarget): boolean {
  if (!mayUse(r, t.market)) return false;
  const c = r.booking.workload.capacity;
  if (!c) return true;
  if (c.clouds.length > 0 && !c.clouds.includes(t.cloud)) return false;
  if (c.regions.length > 0 && !c.regions.includes(t.region)) return false;
  return true;
}

function mayUse(r: RunningOnCloud, market: PurchaseMarket): boolean {
  return marketAllowed(r.booking.workload, r.pool?.market ?? 'auto', market);
}

function dollars(m: number): string {
  return `$${(m / 1e6).toFixed(2)}`;
}

function decision(
  r: RunningOnCloud,
  kind: MoveKind,
  t: MoveTarget,
  m: { method: MigrationMethod; cost: number },
  benefit: number,
  reason: string,
  instances = 1,
): MoveDecision {
  return {
    workload: r.booking.workload.key,
    from: r.node.name,
    kind,
    method: m.method,
    target: t,
    instances,
    moveCostMicros: Math.round(m.cost),
    benefitMicros: Math.round(benefit),
    reason: `moved (${kind}, ${m.method === 'live' ? 'live pre-copy' : 'checkpoint/restore'}) to ${instances > 1 ? `${instances} × ` : ''}${t.market} ${t.offeringId}${t.zone ? ` in ${t.zone}` : ''}: ${reason}`,
  };
}

function reactive(
  r: RunningOnCloud,
  input: MoverInput,
  config: MoverConfig,
): MoveDecision | undefined {
  if (r.reclaimAt === undefined) return undefined;
  const window = Math.max(0, r.reclaimAt - input.now);
  const t = targets(r, input, 'any').filter((x) => allowedTarget(r, x))[0];
  if (!t) return undefined;
  const m = moveCost(r, t, input.now, window, config);
  return decision(
    r,
    'reactive',
    t,
    m,
    0,
    `reclaim notice: ${r.node.name} goes in ${Math.round(window / 1000)} s`,
  );
}

function deadline(
  r: RunningOnCloud,
  input: MoverInput,
  config: MoverConfig,
): MoveDecision | undefined {
  const w = r.booking.workload;
  if (w.deadlineAt === undefined || r.node.market !== 'spot') return undefined;
  const slack = w.deadlineAt - input.now - remainingMs(r, input.now);
  if (slack >= config.minSlackMs) return undefined;
  const t = targets(r, input, 'on-demand').filter((x) => allowedTarget(r, x))[0];
  if (!t) return undefined;
  const m = moveCost(r, t, input.now, Infinity, config);
  const gang = r.gangNodes !== undefined;
  return decision(
    r,
    'deadline',
    t,
    m,
    0,
    `deadline slack ${Math.round(slack / 60_000)} min < ${Math.round(config.minSlackMs / 60_000)} min${gang ? '; the gang restarts on on-demand capacity launched for all of it' : ''}`,
  );
}

function proactiveOrCheaper(
  r: RunningOnCloud,
  input: MoverInput,
  config: MoverConfig,
  floor: PriceFloor,
): MoveDecision | undefined {
  // Moving one of several residents saves nothing (the node keeps running): only whole
  // nodes move, all of a gang's at once.
  if (!r.alone) return undefined;
  const nodes = r.gangNodes ?? [r.node];
  // Whole workloads move: a gang on spot and on-demand at once stays as it is.
  const onDemand = nodes.every((n) => n.market === 'on-demand');
  if (!onDemand && nodes.some((n) => n.market !== 'spot')) return undefined;
  const remaining = remainingMs(r, input.now);
  if (remaining < config.restartMs * 2) return undefined;
  const k = nodes.length;
  // Alone on each node: the workload pays for all of them.
  const price = nodes.reduce((sum, n) => sum + (n.pricePerHourMicros ?? 0), 0);
  // On-demand is never reclaimed: from there only a cheaper place is worth a move, and
  // none is when nothing in the market costs less.
  const held = Math.ceil(heldMilli(r) / 1000);
  if (onDemand && price <= k * floor.of(held, mayUse(r, 'spot'))) return undefined;
  const horizon = Math.min(remaining, config.horizonMs);
  const hazards = nodes.map((n) => (onDemand ? 0 : placeHazard(n, input, horizon)));
  if (hazards.some((h) => h === undefined)) return undefined;
  // A reclaim of any one node stops the whole workload.
  const loss = (hazard: number): number =>
    (1 - Math.exp(-hazard * horizon)) *
    ((sinceCheckpointMs(r, input.now) + config.restartMs) / MS_PER_HOUR) *
    price;
  const lossHere = loss(hazards.reduce((sum: number, h) => sum + (h ?? 0), 0));
  let best:
    | {
        t: MoveTarget;
        net: number;
        kind: MoveKind;
        m: { method: MigrationMethod; cost: number };
        why: string;
      }
    | undefined;
  for (const t of targets(r, input, 'any')) {
    if (!allowedTarget(r, t)) continue;
    const offering = input.market.find((m) => offeringId(m.offering) === t.offeringId)?.offering;
    // A move launches capacity for the workload: count whole target instances, one per node.
    const share = k * t.pricePerHourMicros;
    const lossThere =
      t.market === 'spot' && offering && !onDemand
        ? loss(k * input.hazard(offering, t.zone, horizon))
        : 0;
    const saving = onDemand
      ? savingOffOnDemand(r, t, offering, input, config, { remaining, price, k })
      : ((price - share) * remaining) / MS_PER_HOUR;
    if (saving === undefined) continue;
    const protection = lossHere - lossThere;
    const one = moveCost(r, t, input.now, Infinity, config);
    const m = { method: one.method, cost: k * one.cost };
    const net = saving + protection - m.cost * config.margin;
    if (net <= 0 || (best && net <= best.net)) continue;
    const kind: MoveKind = protection > saving ? 'proactive' : 'opportunistic';
    const why =
      kind === 'proactive'
        ? `expected reclaim loss ${dollars(lossHere)} here vs ${dollars(lossThere)} there, moving costs ${dollars(m.cost)}`
        : `saves ${dollars(saving)} over the remaining ${(remaining / MS_PER_HOUR).toFixed(1)} h, moving costs ${dollars(m.cost)}`;
    best = { t, net, kind, m, why };
  }
  return (
    best &&
    decision(r, best.kind, best.t, best.m, best.net + best.m.cost * config.margin, best.why, k)
  );
}

/**
 * What moving work off on-demand (`price` for its `k` nodes) to `t` saves over the rest of
 * its run: the on-demand bill it stops minus the target's, where on spot the run there is
 * stretched by the reclaims and restarts expected over all of it, as the provisioner
 * prices a launch ({@link expectedRunMs}). Undefined for spot that is never expected to
 * finish the work, or that a reclaim could push within the deadline's minimum slack (the
 * deadline move would send it straight back).
 */
function savingOffOnDemand(
  r: RunningOnCloud,
  t: MoveTarget,
  offering: CatalogOffering | undefined,
  input: MoverInput,
  config: MoverConfig,
  run: { remaining: number; price: number; k: number },
): number | undefined {
  const w = r.booking.workload;
  const spot = t.market === 'spot';
  const rate = spot && offering ? run.k * input.hazard(offering, t.zone, run.remaining) : 0;
  const there = expectedRunMs(run.remaining, w.checkpointIntervalMs, config.restartMs, rate);
  if (!Number.isFinite(there)) return undefined;
  const end = input.now + config.restartMs + there + config.minSlackMs;
  if (spot && w.deadlineAt !== undefined && end > w.deadlineAt) return undefined;
  return (run.price * run.remaining - run.k * t.pricePerHourMicros * there) / MS_PER_HOUR;
}

/** The reclaim hazard of a cloud node's place (offering × zone), if the market lists it. */
function placeHazard(n: NodeInfo, input: MoverInput, horizonMs: number): number | undefined {
  const place = n.cloud;
  if (!place) return undefined;
  const here = input.market.find(
    (m) =>
      m.offering.cloud === place.cloud &&
      m.offering.region === place.region &&
      m.offering.instanceType === place.instanceType,
  );
  return here && input.hazard(here.offering, n.zone ?? '', horizonMs);
}
