import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Principal } from '../api/types.js';
import type { LiveStore } from './live-store.js';

/** Who is signed in and the client that speaks for them. */
export interface Session {
  readonly client: ApiClient;
  readonly principal: Principal;
}

/** The signed-in session's live store. */
export const StoreContext = createContext<LiveStore | undefined>(undefined);
/** The signed-in session. */
export const SessionContext = createContext<Session | undefined>(undefined);

/** The live store; the component renders again whenever it changes (at most once a frame). */
export function useStore(): LiveStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside a signed-in session');
  useSyncExternalStore(store.subscribe, () => store.version);
  return store;
}

/** The signed-in session. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}
