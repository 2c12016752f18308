import type { Store, TokenRecord } from '@roam/engine';
import { errors } from '../http/errors.js';
import { bearerToken, generateToken, hashToken, type Principal } from './tokens.js';

/** Roles a token can have. */
export const ROLES: readonly TokenRecord['role'][] = ['admin', 'queue-admin', 'member'];

/**
 * Issues and checks bearer tokens. Only hashes are stored; the token itself is shown
 * once, when it is created. Lookups are served from memory.
 */
export class TokenService {
  private readonly byHash = new Map<string, TokenRecord>();

  private constructor(private readonly store: Store) {}

  static async open(store: Store): Promise<TokenService> {
    const service = new TokenService(store);
    for (const t of await store.listTokens()) service.byHash.set(t.hash, t);
    return service;
  }

  /** Whether any admin token exists (a fresh store has none). */
  hasAdmin(): boolean {
    return [...this.byHash.values()].some((t) => t.role === 'admin');
  }

  /** Creates a token; returns it (the only time it is visible) and its record. */
  async create(
    name: string,
    role: TokenRecord['role'],
    queues: readonly string[],
    now: number,
  ): Promise<{ token: string; record: TokenRecord }> {
    if (!ROLES.includes(role))
      throw errors.badRequest(
        `role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(role)}`,
      );
    if (role !== 'admin' && queues.length === 0)
      throw errors.badRequest(`a ${role} token needs at least one queue`);
    if (!/^[a-zA-Z0-9][-a-zA-Z0-9_.@]{0,62}$/.test(name))
      throw errors.badRequest(
        `name must be 1–63 letters, digits, '-', '_', '.', '@', got ${JSON.stringify(name)}`,
      );
    const token = generateToken();
    const record: TokenRecord = {
      hash: hashToken(token),
      name,
      role,
      queues: role === 'admin' ? [] : [...queues],
      createdAt: now,
    };
    await this.store.putToken(record);
    this.byHash.set(record.hash, record);
    return { token, record };
  }

  /** The principal of an `Authorization` header, or a 401 saying what is wrong. */
  authenticate(header: string | undefined): Principal {
    if (header === undefined || header === '')
      throw errors.unauthorized(
        'this request needs a bearer token: send "Authorization: Bearer <token>" (roam up prints one and writes it to the CLI config)',
      );
    const token = bearerToken(header);
    if (token === undefined)
      throw errors.unauthorized('the Authorization header must be "Bearer <token>"');
    const record = this.byHash.get(hashToken(token));
    if (!record) throw errors.unauthorized('the bearer token is not valid (unknown or revoked)');
    return { name: record.name, role: record.role, queues: record.queues };
  }

  list(): TokenRecord[] {
    return [...this.byHash.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  async revoke(name: string): Promise<boolean> {
    const record = [...this.byHash.values()].find((t) => t.name === name);
    if (!record) return false;
    await this.store.deleteToken(record.hash);
    this.byHash.delete(record.hash);
    return true;
  }
}
