import { pendingMigrations } from './migrations.js';
import { immediateTransaction, type SqliteDatabase } from './sqlite-driver.js';

/**
 * The schema, one migration per version. `counters` holds the global resourceVersion
 * and the event seq; `changes` logs every put and delete in version order.
 */
const migrations: readonly string[] = [
  `
  CREATE TABLE counters (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    event_seq INTEGER NOT NULL
  );
  INSERT INTO counters (id, version, event_seq) VALUES (1, 0, 0);
  CREATE TABLE objects (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    resource_version INTEGER NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  ) WITHOUT ROWID;
  CREATE TABLE changes (
    resource_version INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('put', 'delete')),
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    doc TEXT,
    CHECK ((type = 'put') = (doc IS NOT NULL))
  );
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    queues TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  `,
];

/** Creates the schema, or brings it up to date, in one transaction. */
export function migrateSqlite(db: SqliteDatabase, file: string): void {
  immediateTransaction(db, () => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = db.prepare('SELECT version FROM schema_version').get() as
      { version: number } | undefined;
    const current = row?.version ?? 0;
    pendingMigrations(current, migrations, file).forEach((sql) => db.exec(sql));
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(migrations.length);
  });
}
