/**
 * Serialises a document or event to JSON text, the form every store keeps. Throws a
 * TypeError for values JSON cannot represent (undefined, functions, symbols, BigInt,
 * cycles), so a bad write is refused before it reaches a transaction.
 */
export function encodeJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value) as string | undefined;
  } catch (error) {
    throw new TypeError(`${what} is not JSON-serialisable: ${(error as Error).message}`);
  }
  if (json === undefined) {
    throw new TypeError(`${what} is not JSON-serialisable: ${typeof value}`);
  }
  return json;
}

/**
 * Checks a name a store indexes (kind, key, token hash): a non-empty string without NUL
 * characters, which PostgreSQL's text type cannot hold. Throws a TypeError otherwise.
 */
export function checkName(value: string, what: string): void {
  if (typeof value !== 'string' || value === '' || value.includes('\u0000')) {
    throw new TypeError(`${what} must be a non-empty string without NUL characters`);
  }
}

/** Checks a time in ms since the epoch: a safe integer. Throws a TypeError otherwise. */
export function checkTime(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new TypeError(`${what} must be an integer number of ms, got ${String(value)}`);
  }
}
