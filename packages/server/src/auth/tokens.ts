import { createHash, randomBytes } from 'node:crypto';
import type { TokenRecord } from '@roam/engine';

/** Who is making a request. */
export interface Principal {
  readonly name: string;
  readonly role: TokenRecord['role'];
  readonly queues: readonly string[];
}

/** A new random bearer token (shown once; only its hash is stored). */
export function generateToken(): string {
  return `roam_${randomBytes(32).toString('base64url')}`;
}

/** The stored form of a token: hex SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The bearer token of an `Authorization` header, if well formed. */
export function bearerToken(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m?.[1];
}
