import { randomBytes } from 'node:crypto';
import { errors } from '../http/errors.js';

/** How long a sign-in link works, ms of real time. */
export const SIGNIN_TTL_MS = 5 * 60_000;

interface Pending {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * One-time sign-in codes for the dashboard: `roam dashboard` asks for a code with its
 * token; the browser trades the code for the token once, within five minutes. Codes live
 * in memory only (a restart voids them).
 */
export class SigninLinks {
  private readonly codes = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A new code for `token`. */
  issue(token: string): { code: string; expiresAt: number } {
    this.sweep();
    const code = randomBytes(24).toString('base64url');
    const expiresAt = this.now() + SIGNIN_TTL_MS;
    this.codes.set(code, { token, expiresAt });
    return { code, expiresAt };
  }

  /** The token for a code, once; 401 if the code is unknown, used or expired. */
  redeem(code: string): string {
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.expiresAt < this.now())
      throw errors.unauthorized(
        'this sign-in link is not valid (used already, or older than 5 minutes): run roam dashboard again',
      );
    return pending.token;
  }

  private sweep(): void {
    const t = this.now();
    for (const [code, p] of this.codes) if (p.expiresAt < t) this.codes.delete(code);
  }
}
