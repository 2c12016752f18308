import { useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/client.js';
import type { Principal } from '../api/types.js';
import { LiveStore } from '../data/live-store.js';
import { SessionContext, StoreContext } from '../data/store-context.js';
import { WorldClockEstimate } from '../data/world-clock.js';
import type { ThemeChoice } from '../ui/theme.js';
import type { Route } from './routes.js';
import { Shell } from './Shell.js';

/** The signed-in app: a client with the token, a live store, and the shell. */
export function SignedIn({
  token,
  principal,
  route,
  theme,
  onSignOut,
}: {
  token: string;
  principal: Principal;
  route: Route;
  theme: { choice: ThemeChoice; choose: (c: ThemeChoice) => void };
  onSignOut: (message?: string) => void;
}) {
  const { client, clock } = useMemo(() => {
    const clock = new WorldClockEstimate();
    const client = new ApiClient(token, {
      onTime: (world, real) => clock.observe(world, real),
      onUnauthorized: (e) => onSignOut(`Signed out: ${e.message}`),
    });
    return { client, clock };
  }, [token, onSignOut]);
  const [store, setStore] = useState<LiveStore>();
  useEffect(() => {
    const s = new LiveStore(client, clock, undefined, (fn) => void requestAnimationFrame(fn));
    s.start();
    setStore(s);
    return () => s.stop();
  }, [client, clock]);
  const session = useMemo(() => ({ client, principal }), [client, principal]);
  if (!store) return null;
  return (
    <SessionContext.Provider value={session}>
      <StoreContext.Provider value={store}>
        <Shell route={route} theme={theme} onSignOut={() => onSignOut()} />
      </StoreContext.Provider>
    </SessionContext.Provider>
  );
}
