import { MemoryStore, PostgresStore, SqliteStore, sqliteDriverName } from '@roam/adapters';
import type { Store } from '@roam/engine';

/**
 * Opens the store a `--store` value names: `sqlite` (default: `<data-dir>/roam.db`),
 * `postgres://…` / `postgresql://…`, or `memory` (nothing survives a restart).
 */
export async function openStore(
  spec: string,
  dataDir: string,
): Promise<{ store: Store; description: string }> {
  if (spec === 'sqlite')
    return {
      store: await SqliteStore.open(dataDir),
      description: `SQLite (${sqliteDriverName()}) in ${dataDir}`,
    };
  if (/^postgres(ql)?:\/\//.test(spec))
    return { store: await PostgresStore.open(spec), description: `PostgreSQL at ${redact(spec)}` };
  if (spec === 'memory') return { store: new MemoryStore(), description: 'memory (not durable)' };
  throw new Error(
    `--store must be sqlite, memory or a postgres:// URL, got ${JSON.stringify(spec)}`,
  );
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
