import type { EventView } from '../api/types.js';

/** A stretch of a workload's life. */
export type SegmentState = 'pending' | 'running' | 'preempting';

/** One stretch on the timeline, world ms. */
export interface Segment {
  readonly state: SegmentState;
  readonly from: number;
  readonly to: number;
}

/** A moment on the timeline: a transition with its reason. */
export interface Mark {
  readonly at: number;
  readonly type: string;
  readonly label: string;
  readonly reason: string;
}

/** A workload's life from its events. */
export interface Timeline {
  readonly segments: readonly Segment[];
  readonly marks: readonly Mark[];
  readonly from: number;
  readonly to: number;
  readonly finished: boolean;
}

/** The state each event leads to; events not listed leave it as it was. */
const NEXT: Readonly<Record<string, SegmentState | 'finished'>> = {
  submitted: 'pending',
  started: 'running',
  preempting: 'preempting',
  preempted: 'pending',
  succeeded: 'finished',
  failed: 'finished',
  cancelled: 'finished',
};

/** What the timeline calls each transition. */
const LABELS: Readonly<Record<string, string>> = {
  submitted: 'submitted',
  started: 'placed',
  preempting: 'evicting',
  preempted: 'evicted',
  checkpointed: 'checkpoint',
  succeeded: 'finished',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * Segments (pending, running, evicting) and marks (submitted → placed → moved → … →
 * finished) from a workload's events, oldest first. An unfinished workload's last
 * segment runs to `now`. Repeated `pending` events (a new reason each cycle) are not
 * marks; the first one after each transition is, as `waiting`. Moves (`moving`, `migrat…`) are marks.
 */
export function buildTimeline(events: readonly EventView[], now: number): Timeline {
  const segments: Segment[] = [];
  const marks: Mark[] = [];
  let state: SegmentState | 'finished' | undefined;
  let since = Number.NaN;
  let lastType = '';
  for (const e of events) {
    const at = Date.parse(e.time);
    if (!Number.isFinite(at)) continue;
    const moved = /migrat|moving|moved/.test(e.type);
    const label = LABELS[e.type] ?? (moved ? 'moved' : e.type === 'pending' ? 'waiting' : e.type);
    if (e.type !== 'pending' || lastType !== 'pending')
      marks.push({ at, type: e.type, label, reason: e.reason });
    lastType = e.type;
    const next = NEXT[e.type];
    if (next === undefined || next === state) continue;
    if (state !== undefined && state !== 'finished' && at >= since)
      segments.push({ state, from: since, to: at });
    state = next;
    since = at;
  }
  const finished = state === 'finished';
  if (state !== undefined && state !== 'finished')
    segments.push({ state, from: since, to: Math.max(since, now) });
  const first = marks[0]?.at ?? now;
  const last = finished ? (marks[marks.length - 1]?.at ?? now) : Math.max(now, first);
  return { segments, marks, from: first, to: last, finished };
}
