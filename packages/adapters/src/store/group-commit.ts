import type { GroupPlan } from './plan.js';
import type { Unit } from './units.js';

/** Runs a group of units in one transaction and returns its plan, once committed. */
export type Transact = (units: readonly Unit[]) => GroupPlan | Promise<GroupPlan>;

/**
 * Group commit: units submitted in the same turn of the event loop, or while a
 * transaction is committing, go into the next transaction together, so many
 * acknowledged writes share one fsync. Transactions run one at a time. A unit is answered
 * only after its own transaction committed; when a transaction fails, every unit in it
 * is rejected with that error (none of them was written).
 */
export class GroupCommit {
  readonly #transact: Transact;
  #queue: Unit[] = [];
  #flushing: Promise<void> | undefined;

  /** @param transact runs one group (see {@link Transact}). */
  constructor(transact: Transact) {
    this.#transact = transact;
  }

  /** Queues a unit for the next transaction. */
  submit(unit: Unit): void {
    this.#queue.push(unit);
    this.#flushing ??= this.#flush();
  }

  /** Resolves once every unit submitted so far has been answered. */
  async drain(): Promise<void> {
    while (this.#flushing !== undefined) {
      await this.#flushing;
    }
  }

  async #flush(): Promise<void> {
    // Let the rest of this turn's writes (callbacks of one poll phase) join the group.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) {
      const units = this.#queue;
      this.#queue = [];
      try {
        const plan = await this.#transact(units);
        plan.settle();
      } catch (error) {
        units.forEach((unit) => unit.settle.reject(error));
      }
    }
    this.#flushing = undefined;
  }
}
