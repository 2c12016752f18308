import { Heap } from '@roam/core';

interface Scheduled {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

/**
 * The simulator's future: actions at virtual times, run in time order and, at equal
 * times, in the order they were scheduled (so a run is deterministic).
 */
export class EventQueue {
  private readonly heap = new Heap<Scheduled>(
    (a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq),
  );
  private seq = 0;

  get size(): number {
    return this.heap.size;
  }

  /** Schedules `run` at time `at` (ms). */
  at(at: number, run: () => void): void {
    this.heap.push({ at, seq: this.seq++, run });
  }

  /** The time of the next action, or undefined when none is left. */
  nextTime(): number | undefined {
    return this.heap.peek()?.at;
  }

  /** Runs every action scheduled at exactly `t`, including ones they schedule at `t`. */
  runAt(t: number): number {
    let n = 0;
    while (this.heap.peek()?.at === t) {
      (this.heap.pop() as Scheduled).run();
      n++;
    }
    return n;
  }
}
