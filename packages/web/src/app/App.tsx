import { useCallback, useEffect, useState } from 'react';
import { ApiClient } from '../api/client.js';
import type { Principal } from '../api/types.js';
import { forgetToken, redeemCode, storedToken, storeToken } from '../auth/session.js';
import { SignIn } from '../auth/SignIn.js';
import { useTheme } from '../ui/theme.js';
import { ThemeContext } from '../ui/ThemeContext.js';
import { SignedIn } from './SignedIn.js';
import { navigate, useRoute } from './use-route.js';

type Session =
  | { readonly state: 'checking' }
  | { readonly state: 'out'; readonly message?: string }
  | { readonly state: 'in'; readonly token: string; readonly principal: Principal };

/**
 * The dashboard: a sign-in screen until a token is known (pasted, kept for this tab, or
 * traded for a one-time `#/signin/<code>` link), then the signed-in app.
 */
export function App() {
  const route = useRoute();
  const theme = useTheme();
  const [session, setSession] = useState<Session>({ state: 'checking' });
  const signIn = useCallback((token: string, principal: Principal) => {
    storeToken(token);
    setSession({ state: 'in', token, principal });
  }, []);
  const signOut = useCallback((message?: string) => {
    forgetToken();
    setSession(message !== undefined ? { state: 'out', message } : { state: 'out' });
  }, []);

  const code = route.view === 'signin' ? route.code : undefined;
  useEffect(() => {
    let live = true;
    const settle = async (): Promise<void> => {
      if (code !== undefined) {
        try {
          const { token, principal } = await redeemCode(new ApiClient(undefined), code);
          if (live) signIn(token, principal);
        } catch (e) {
          if (live) signOut((e as Error).message);
        }
        navigate({ view: 'overview' }, true);
        return;
      }
      const token = storedToken();
      if (token === undefined)
        return setSession((s) => (s.state === 'checking' ? { state: 'out' } : s));
      try {
        const principal = await new ApiClient(token).get<Principal>('/whoami');
        if (live)
          setSession((s) => (s.state === 'checking' ? { state: 'in', token, principal } : s));
      } catch (e) {
        if (live) signOut(`Signed out: ${(e as Error).message}`);
      }
    };
    void settle();
    return () => {
      live = false;
    };
  }, [code, signIn, signOut]);

  return (
    <ThemeContext.Provider value={theme.theme}>
      {session.state === 'checking' ? (
        <div className="splash" role="status">
          Signing in…
        </div>
      ) : session.state === 'out' ? (
        <SignIn message={session.message} onSignedIn={signIn} />
      ) : (
        <SignedIn
          key={session.token}
          token={session.token}
          principal={session.principal}
          route={route}
          theme={theme}
          onSignOut={signOut}
        />
      )}
    </ThemeContext.Provider>
  );
}
