import { MILLI_PER_GPU } from '../units.js';
import { BitSet } from './bitset.js';
import type { NodeSlot } from './node-slot.js';

/** Width of a free-capacity bucket for fractional requests, milli-GPU. */
const FRACTION_BUCKET = 50;
const FRACTION_BUCKETS = MILLI_PER_GPU / FRACTION_BUCKET + 1;

/** In what order candidate nodes are visited. */
export type CandidateOrder = 'tightest' | 'loosest' | 'slot';

/**
 * The schedulable nodes of one pool with one GPU model, bucketed by free capacity so a
 * request finds the nodes that can hold it without scanning the others:
 * by number of fully free GPUs (whole-GPU requests) and by the largest free amount on one
 * GPU (fractional requests).
 */
export class NodeGroup {
  readonly members = new BitSet();
  /** Free milli-GPU summed over the members. */
  idleMilli = 0;
  /** Capacity summed over the members: milli-GPU, milli-CPU, MiB. */
  readonly capacity = { gpuMilli: 0, cpuMilli: 0, memoryMiB: 0 };
  private readonly byFullFree: BitSet[] = [];
  private readonly byMaxFree: BitSet[] = Array.from(
    { length: FRACTION_BUCKETS },
    () => new BitSet(),
  );

  constructor(
    readonly pool: string,
    /** GPU model, or null for CPU-only nodes. */
    readonly gpuModel: string | null,
    /** The node table the members index into. */
    private readonly slots: readonly (NodeSlot | undefined)[],
  ) {}

  add(slot: NodeSlot): void {
    this.idleMilli += slot.freeGpuMilli();
    this.addCapacity(slot, 1);
    this.members.add(slot.index);
    this.fullBucket(slot.fullFree).add(slot.index);
    (this.byMaxFree[fractionBucket(slot.maxFree)] as BitSet).add(slot.index);
  }

  /** Removes a member; its capacity fields must still be those it was added with. */
  remove(slot: NodeSlot): void {
    this.idleMilli -= slot.freeGpuMilli();
    this.addCapacity(slot, -1);
    this.members.delete(slot.index);
    const { fullFree, maxFree } = slot;
    this.fullBucket(fullFree).delete(slot.index);
    (this.byMaxFree[fractionBucket(maxFree)] as BitSet).delete(slot.index);
  }

  /**
   * Visits the member slots that may hold `gpuMilli` (per replica), in `order`, until
   * `visit` returns false. Every visited slot has the GPU capacity; CPU, memory and labels
   * are the caller's to check. Returns false if stopped early.
   */
  forEachCandidate(
    gpuMilli: number,
    order: CandidateOrder,
    visit: (slotIndex: number) => boolean,
  ): boolean {
    if (gpuMilli === 0 || order === 'slot') return forEachIn(this.members, visit);
    if (gpuMilli >= MILLI_PER_GPU) {
      const k = gpuMilli / MILLI_PER_GPU;
      return this.forEachBucket(this.byFullFree, k, this.byFullFree.length - 1, order, visit);
    }
    // A bucket spans 50 milli, so nodes in the lowest one may fall just short.
    const fits = (i: number): boolean =>
      (this.slots[i] as NodeSlot).maxFree >= gpuMilli ? visit(i) : true;
    return this.forEachBucket(
      this.byMaxFree,
      fractionBucket(gpuMilli),
      FRACTION_BUCKETS - 1,
      order,
      fits,
    );
  }

  private forEachBucket(
    buckets: BitSet[],
    from: number,
    to: number,
    order: CandidateOrder,
    visit: (slotIndex: number) => boolean,
  ): boolean {
    if (order === 'loosest') {
      for (let b = to; b >= from; b--) {
        const bucket = buckets[b];
        if (bucket && bucket.size > 0 && !forEachIn(bucket, visit)) return false;
      }
      return true;
    }
    for (let b = from; b <= to; b++) {
      const bucket = buckets[b];
      if (bucket && bucket.size > 0 && !forEachIn(bucket, visit)) return false;
    }
    return true;
  }

  private addCapacity(slot: NodeSlot, sign: 1 | -1): void {
    this.capacity.gpuMilli += sign * slot.info.gpus * MILLI_PER_GPU;
    this.capacity.cpuMilli += sign * slot.info.cpuMilli;
    this.capacity.memoryMiB += sign * slot.info.memoryMiB;
  }

  private fullBucket(fullFree: number): BitSet {
    while (this.byFullFree.length <= fullFree) this.byFullFree.push(new BitSet());
    return this.byFullFree[fullFree] as BitSet;
  }
}

function forEachIn(set: BitSet, visit: (slotIndex: number) => boolean): boolean {
  for (let i = set.next(0); i >= 0; i = set.next(i + 1)) if (!visit(i)) return false;
  return true;
}

function fractionBucket(milli: number): number {
  return Math.floor(milli / FRACTION_BUCKET);
}
