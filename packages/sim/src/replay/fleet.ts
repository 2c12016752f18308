import { SimCloud, type SpotMarketModel } from '@roam/adapters';
import type { Catalog, MoverConfig, Rng, ScheduleResult } from '@roam/core';
import { CapacityManager, NEEDS_NO_CYCLE, type CapacityEvent, type Engine } from '@roam/engine';
import type { EventQueue } from './event-queue.js';

/** How often the fleet looks at the market without other cause, simulated ms. */
const MARKET_LOOK_MS = 5 * 60_000;

/** Elastic cloud capacity for a replay: the catalog's offerings and a spot market. */
export interface ReplayCloud {
  readonly catalog: Catalog;
  readonly market: SpotMarketModel;
  /** What the market is, for the report (a trace file, or the calibrated model). */
  readonly marketName?: string;
  readonly mover?: Partial<MoverConfig>;
  /** No proactive or opportunistic moves (reactive and deadline moves stay). */
  readonly conservative?: boolean;
}

/** What the fleet cost and did. */
export interface FleetReport {
  /** The spot market the fleet bought from ({@link ReplayCloud.marketName}). */
  readonly spotMarket: string;
  readonly costUsd: number;
  /**
   * The same instances for the same time, all on-demand. This overstates what spot saves
   * (spot picks the deepest discounts, often on dear list prices): `onDemandRun` is the
   * fair comparison.
   */
  readonly onDemandCostUsd: number;
  /** 1 − costUsd / onDemandCostUsd, in %. */
  readonly savingsPct: number;
  /**
   * The same replay run again on on-demand capacity only (same trace, policy and seed):
   * its bill, and what this fleet saves against it, in %. Absent when not run (e.g. when
   * this fleet is on-demand already).
   */
  readonly onDemandRun?: { readonly costUsd: number; readonly savingsPct: number };
  readonly launches: number;
  readonly reclaims: number;
  readonly migrations: number;
  readonly scaleDowns: number;
  /** GPU-hours bought on spot and on-demand (instance time × its GPUs, launch to end). */
  readonly gpuHours: { readonly spot: number; readonly onDemand: number };
}

/**
 * The simulated multi-cloud around a replay's engine: the provisioner launches instances
 * for work that fits nowhere, the mover moves work off spot capacity at risk, idle nodes
 * are removed after their pool's time-to-live. Runs on the replay's event queue.
 */
export class Fleet {
  private readonly cloud: SimCloud;
  private readonly marketName: string;
  private readonly capacity: CapacityManager;
  private wakeUpAt = -1;
  private lastLookAt = -Infinity;
  /** A cloud event asks for a look now (reclaim notice, failed launch, node ready or gone). */
  private urgent = false;

  constructor(
    options: ReplayCloud,
    engine: Engine,
    private readonly queue: EventQueue,
    now: () => number,
    rng: Rng,
    onEvent: (e: CapacityEvent) => void,
  ) {
    this.marketName = options.marketName ?? 'unnamed';
    this.cloud = new SimCloud({
      now,
      schedule: (at, fn) => queue.at(at, fn),
      catalog: options.catalog,
      rng,
      market: options.market,
    });
    this.capacity = new CapacityManager({
      engine,
      cloud: this.cloud,
      now,
      onEvent: (e) => {
        if (!NEEDS_NO_CYCLE.has(e.kind)) this.urgent = true;
        onEvent(e);
      },
      ...(options.mover ? { mover: options.mover } : {}),
      ...(options.conservative ? { conservative: true } : {}),
    });
  }

  /**
   * Whether the fleet should look again: a cloud event asks for it, an idle node's time is
   * up, or the market was last looked at `MARKET_LOOK_MS` ago.
   */
  due(now: number): boolean {
    const wakeUp = this.wakeUpAt > this.lastLookAt && now >= this.wakeUpAt;
    return this.urgent || wakeUp || now - this.lastLookAt >= MARKET_LOOK_MS;
  }

  /**
   * After a cycle: provision, scale down, move. Wakes up when an idle node's time is up,
   * and while instances run or work waits, every `MARKET_LOOK_MS` to watch the market.
   */
  afterCycle(result: ScheduleResult, now: number): void {
    this.lastLookAt = now;
    this.urgent = false;
    this.capacity.afterCycle(result);
    const look =
      this.cloud.liveInstances() > 0 || result.pending.length > 0
        ? now + MARKET_LOOK_MS
        : undefined;
    const next = Math.min(this.capacity.nextScaleDownAt() ?? Infinity, look ?? Infinity);
    if (Number.isFinite(next) && next > now && next !== this.wakeUpAt)
      this.queue.at((this.wakeUpAt = next), () => undefined);
  }

  /** Ends the experiment: every instance is released at `now` and the bill is read. */
  finish(): FleetReport {
    this.capacity.terminateAll();
    const cost = this.cloud.totalCostMicros();
    const onDemand = this.cloud.onDemandEquivalentMicros();
    const usage = this.cloud.usage();
    const c = this.capacity.counters;
    return {
      spotMarket: this.marketName,
      costUsd: Math.round(cost / 10_000) / 100,
      onDemandCostUsd: Math.round(onDemand / 10_000) / 100,
      savingsPct: onDemand > 0 ? Math.round((1 - cost / onDemand) * 10_000) / 100 : 0,
      launches: c.launches,
      reclaims: c.reclaims,
      migrations: c.migrations,
      scaleDowns: c.scaleDowns,
      gpuHours: {
        spot: Math.round(usage.spot.gpuHours),
        onDemand: Math.round(usage['on-demand'].gpuHours),
      },
    };
  }
}

/**
 * `report` with its fleet compared with `baseline`, the same replay on on-demand capacity
 * only (see {@link FleetReport.onDemandRun}). Reports without a fleet are returned as
 * they are.
 */
export function withOnDemandRun<R extends { readonly fleet?: FleetReport }>(
  report: R,
  baseline: { readonly fleet?: FleetReport },
): R {
  const fleet = report.fleet;
  const costUsd = baseline.fleet?.costUsd;
  if (fleet === undefined || costUsd === undefined) return report;
  const savingsPct = costUsd > 0 ? Math.round((1 - fleet.costUsd / costUsd) * 10_000) / 100 : 0;
  return { ...report, fleet: { ...fleet, onDemandRun: { costUsd, savingsPct } } };
}
