import type { ApiClient } from '../api/client.js';
import type { Principal } from '../api/types.js';

const KEY = 'roam.token';

/** The token this tab signed in with, if any (kept for the tab's life only). */
export function storedToken(): string | undefined {
  return sessionStorage.getItem(KEY) ?? undefined;
}

/** Keeps the token for this tab. */
export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

/** Forgets the token. */
export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}

/** Trades a one-time code from `roam dashboard` for its token and principal. */
export async function redeemCode(
  client: ApiClient,
  code: string,
): Promise<{ token: string; principal: Principal }> {
  return client.request<{ token: string; principal: Principal }>('POST', '/signin', { code });
}
