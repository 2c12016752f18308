import type { ClusterState } from '../../model/cluster-state.js';
import type { TaskMix } from './task-mix.js';

/**
 * How contended each GPU model of a pool is by requests that may only use some models:
 * for model M, the share of the mix's model-constrained GPU demand that falls on M
 * (a request allowing several present models spreads evenly over them) divided by M's
 * share of the pool's idle GPU. Above 1, M is scarcer than its supply suggests, so
 * flexible work should use other models. 0 when no request is constrained.
 */
export function modelPressure(
  idleByModel: ReadonlyMap<string, number>,
  mix: TaskMix,
): Map<string, number> {
  let idleAll = 0;
  for (const v of idleByModel.values()) idleAll += v;
  const demand = new Map<string, number>();
  let demandAll = 0;
  for (const t of mix.types) {
    if (t.gpuPerDevice === 0 || t.gpuModels.length === 0) continue;
    const present = t.gpuModels.filter((m) => idleByModel.has(m));
    const gpu = t.weight * t.gpuPerDevice * t.gpuCount;
    demandAll += gpu;
    for (const m of present) demand.set(m, (demand.get(m) ?? 0) + gpu / present.length);
  }
  const out = new Map<string, number>();
  for (const [model, idle] of idleByModel) {
    const demandShare = demandAll > 0 ? (demand.get(model) ?? 0) / demandAll : 0;
    const idleShare = idleAll > 0 ? idle / idleAll : 0;
    out.set(model, idleShare > 0 ? demandShare / idleShare : demandShare > 0 ? MAX_PRESSURE : 0);
  }
  return out;
}

/** Pressure of a model with no idle GPU left but demand for it. */
const MAX_PRESSURE = 10;

/** Idle milli-GPU per GPU model of a pool's schedulable nodes. */
export function idleByModel(state: ClusterState, pool: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const g of state.groupsOf(pool)) if (g.gpuModel !== null) out.set(g.gpuModel, g.idleMilli);
  return out;
}
