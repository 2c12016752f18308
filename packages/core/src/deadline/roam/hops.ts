import { RunTracker } from './run-ages.js';

/**
 * How often, per step with spot somewhere, a job on spot loses its zone while another
 * zone still has spot (and so must move, paying a restart): replays `zones` every
 * `stride` ticks with the rule "stay while the zone has spot; when it goes, move to the
 * zone with spot whose run is oldest". 0 for one zone.
 */
export function hopHazard(zones: readonly Uint8Array[], stride: number): number {
  if (zones.length < 2) return 0;
  const length = Math.min(...zones.map((z) => z.length));
  const runs = zones.map(() => new RunTracker());
  let held = -1;
  let hops = 0;
  let exposure = 0;
  for (let t = (length - 1) % stride; t < length; t += stride) {
    zones.forEach((z, i) => (runs[i] as RunTracker).push(z[t] as number));
    if (held >= 0 && (zones[held] as Uint8Array)[t] === 1) {
      exposure++;
      continue;
    }
    const next = oldestRun(runs);
    if (held >= 0 && next >= 0) hops++;
    held = next;
    if (held >= 0) exposure++;
  }
  return exposure > 0 ? hops / exposure : 0;
}

/** The zone with spot whose run is oldest, or −1 if none has spot. */
function oldestRun(runs: readonly RunTracker[]): number {
  let best = -1;
  runs.forEach((run, i) => {
    if (run.state === 1 && (best < 0 || run.age > (runs[best] as RunTracker).age)) best = i;
  });
  return best;
}
