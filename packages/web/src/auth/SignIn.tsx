import { useState, type FormEvent } from 'react';
import { ApiClient } from '../api/client.js';
import type { Principal } from '../api/types.js';
import { Logo } from '../app/Logo.js';
import { Notice } from '../ui/Notice.js';

/**
 * The sign-in screen: paste a bearer token (checked with `/whoami`), or use a one-time
 * link from `roam dashboard`.
 */
export function SignIn({
  message,
  onSignedIn,
}: {
  message?: string;
  onSignedIn: (token: string, principal: Principal) => void;
}) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const t = token.trim();
      const principal = await new ApiClient(t).get<Principal>('/whoami');
      onSignedIn(t, principal);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="signin">
      <form
        className="card signin-card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="signin-title"
      >
        <div className="brand">
          <Logo />
          Roam
        </div>
        <h1 id="signin-title">Sign in to the dashboard</h1>
        <p className="muted">
          Run <code>roam dashboard</code> for a one-time sign-in link, or paste an access token (
          <code>roam token create</code>, or the admin token <code>roam up</code> printed).
        </p>
        {message !== undefined && <Notice tone="warn">{message}</Notice>}
        <label className="field">
          Access token
          <input
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            placeholder="roam_…"
            required
            autoFocus
          />
        </label>
        {error !== undefined && <Notice tone="danger">{error}</Notice>}
        <button className="button primary" type="submit" disabled={busy || token.trim() === ''}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
        <p className="muted small">
          The token is kept in this tab only, until you close it or sign out.
        </p>
      </form>
    </main>
  );
}
