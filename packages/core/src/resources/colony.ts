import type { FieldError } from './errors.js';
import { NAME_RULE, type Resource } from './meta.js';
import type { FieldReader } from './reader.js';

/** Whether a colony stays, or goes once its work is done. */
export type ColonyLifetime = 'persistent' | 'ephemeral';
export const COLONY_LIFETIMES: readonly ColonyLifetime[] = ['persistent', 'ephemeral'];

/** Software every node of a colony carries: a driver, a scheduler, monitoring, a framework. */
export interface ColonyDependency {
  name: string;
  /** Empty when any version does. */
  version: string;
}

/** The normalised spec of a Colony. */
export interface ColonySpec {
  /** The node pools that make up the fleet (static on-prem machines and elastic cloud capacity). */
  nodePools: string[];
  /** What every node of the fleet needs installed, in install order. */
  dependencies: ColonyDependency[];
  /**
   * `persistent` (default): the fleet stays. `ephemeral`: once work has run on it and
   * none is left, its cloud capacity is torn down at once (not after the pools'
   * idle time-to-live); work that comes later brings it back.
   */
  lifetime: ColonyLifetime;
}

/** A Colony document: a fleet across clouds and on-prem. */
export type Colony = Resource<'Colony', ColonySpec>;

/** Reads and checks a Colony's `spec`. */
export function readColonySpec(root: FieldReader, errors: FieldError[]): ColonySpec | undefined {
  const s = root.object('spec', true);
  if (!s) return undefined;
  const start = errors.length;
  const nodePools = s.stringList('nodePools', { required: true, ...NAME_RULE }) ?? [];
  const poolErrors = errors.length > start;
  const lifetime = (s.string('lifetime', { oneOf: COLONY_LIFETIMES }) ??
    'persistent') as ColonyLifetime;
  const dependencies = readDependencies(s);
  s.rejectUnknown();
  if (nodePools.length === 0 && !poolErrors)
    s.error('nodePools', 'a colony needs at least one node pool');
  const duplicate = nodePools.find((p, i) => nodePools.indexOf(p) !== i);
  if (duplicate !== undefined) s.error('nodePools', `lists ${duplicate} twice`);
  if (errors.length > start) return undefined;
  return { nodePools, dependencies, lifetime };
}

/** Dependency names: lower-case words joined by `-`, `.` or `/` (`nvidia-driver`, `kai/scheduler`). */
const DEPENDENCY_NAME = {
  pattern: /^[a-z0-9]([a-z0-9.\-/]{0,61}[a-z0-9])?$/,
  patternText: 'must be lower-case letters, digits, "-", "." or "/" (at most 63)',
};

function readDependencies(s: FieldReader): ColonyDependency[] {
  const out: ColonyDependency[] = [];
  for (const d of s.objectList('dependencies') ?? []) {
    const name = d.string('name', { required: true, ...DEPENDENCY_NAME });
    const version = d.string('version') ?? '';
    d.rejectUnknown();
    if (name === undefined) continue;
    if (out.some((o) => o.name === name)) d.error('name', `${name} is listed twice`);
    else out.push({ name, version });
  }
  return out;
}

/**
 * The labels a colony's nodes carry: `colony.roam.dev/name`, and one
 * `deps.roam.dev/<dependency>` per dependency with its version (`any` when unpinned), so
 * workloads can select nodes that have what they need.
 */
export function colonyNodeLabels(name: string, spec: ColonySpec): Record<string, string> {
  const labels: Record<string, string> = { 'colony.roam.dev/name': name };
  for (const d of spec.dependencies)
    labels[`deps.roam.dev/${d.name.replaceAll('/', '.')}`] = d.version || 'any';
  return labels;
}
