/**
 * An undo log. Tentative changes (a gang's replicas, a preemption plan, a whole scheduling
 * cycle) record how to undo themselves; `rollback` undoes back to a mark, newest first.
 */
export class Journal {
  private readonly undos: (() => void)[] = [];
  private depth = 0;

  /** Whether changes are being recorded (inside at least one open mark). */
  get recording(): boolean {
    return this.depth > 0;
  }

  /** Starts recording; returns a mark to roll back or commit to. */
  mark(): number {
    this.depth++;
    return this.undos.length;
  }

  /** Records how to undo a change just made; a no-op when nothing is being recorded. */
  record(undo: () => void): void {
    if (this.depth > 0) this.undos.push(undo);
  }

  /** Undoes every change since `mark` and closes it. */
  rollback(mark: number): void {
    while (this.undos.length > mark) (this.undos.pop() as () => void)();
    this.depth--;
  }

  /** Keeps the changes since `mark` (an outer mark may still undo them) and closes it. */
  commit(mark: number): void {
    this.depth--;
    if (this.depth === 0) this.undos.length = mark;
  }
}
