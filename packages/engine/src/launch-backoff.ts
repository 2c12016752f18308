/**
 * How long a spot place whose launch failed is treated as without spot. A cloud's price
 * feed can show spot in a place that has no capacity (AWS answers a launch with
 * `InsufficientInstanceCapacity`): without a pause the provisioner would ask the same
 * place again at once. Three minutes, as Karpenter's cache of unavailable offerings
 * (`UnavailableOfferingsTTL`, aws/karpenter-provider-aws).
 */
export const LAUNCH_BACKOFF_MS = 3 * 60_000;

/** Spot places whose launch failed recently, each until its pause ends. */
export class LaunchBackoff {
  private readonly until = new Map<string, number>();

  constructor(private readonly pauseMs = LAUNCH_BACKOFF_MS) {}

  /** A launch in `place` failed at `now`. */
  failed(place: string, now: number): void {
    this.until.set(place, now + this.pauseMs);
  }

  /** The places paused at `now` (the others are forgotten). O(places paused). */
  paused(now: number): Set<string> {
    const places = new Set<string>();
    for (const [place, until] of this.until)
      if (until > now) places.add(place);
      else this.until.delete(place);
    return places;
  }
}
