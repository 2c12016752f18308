import { useEffect, useState } from 'react';
import type { LiveStore } from './live-store.js';

/** Never re-render for the clock more often than this, real ms. */
const FASTEST_MS = 100;

/**
 * The world time now, for ages and running costs. The component renders again at least
 * every `everyMs` of world time (but not more often than every 100 ms of real time, and at
 * least every `everyMs` of real time), and reads the clock afresh on every render.
 */
export function useWorldNow(store: LiveStore, everyMs = 1000): number {
  const [, setTick] = useState(0);
  const speed = store.clock.speed;
  useEffect(() => {
    const period = Math.min(everyMs, Math.max(FASTEST_MS, everyMs / speed));
    const timer = setInterval(() => setTick((t) => t + 1), period);
    return () => clearInterval(timer);
  }, [everyMs, speed]);
  return store.worldNow();
}
