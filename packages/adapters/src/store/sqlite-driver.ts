import { createRequire } from 'node:module';

/** A value SQLite stores or returns in the columns Roam uses. */
export type SqliteValue = string | number | null;

/** A prepared statement: the part of its API both drivers share. */
export interface SqliteStatement {
  /** Runs the statement for its effect. */
  run(...params: SqliteValue[]): unknown;
  /** The first row, or undefined when there is none. */
  get(...params: SqliteValue[]): unknown;
  /** Every row. */
  all(...params: SqliteValue[]): unknown[];
}

/** An open SQLite database: the part of its API both drivers share. */
export interface SqliteDatabase {
  /** Runs one or more statements that return no rows. */
  exec(sql: string): unknown;
  /** Compiles a statement once, to be run many times. */
  prepare(sql: string): SqliteStatement;
  /** Closes the database; its statements can no longer run. */
  close(): void;
}

/**
 * The SQLite drivers Roam can use. Node's built-in `node:sqlite` (Node.js 22.13 and
 * later) is preferred: it needs no native addon, and better-sqlite3 12 aborts on
 * Node.js 24.19+ when a statement is garbage-collected (nodejs/node#65446). On
 * Node.js 20, which has no `node:sqlite`, the optional better-sqlite3 package is used.
 */
export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

/** How to open a database file. */
export interface SqliteOpenOptions {
  /** Open for reading only. */
  readonly readOnly?: boolean;
}

interface SqliteDriver {
  readonly name: SqliteDriverName;
  open(file: string, options: SqliteOpenOptions): SqliteDatabase;
}

type NodeSqliteModule = {
  DatabaseSync: new (file: string, options: { readOnly: boolean }) => SqliteDatabase;
};
type BetterSqliteModule = new (file: string, options: { readonly: boolean }) => SqliteDatabase;

const requireModule = createRequire(import.meta.url);
let loaded: SqliteDriver | undefined;

/** Opens `file` with the driver this Node.js supports (see {@link SqliteDriverName}). */
export function openSqlite(file: string, options: SqliteOpenOptions = {}): SqliteDatabase {
  return driver().open(file, options);
}

/** The driver {@link openSqlite} uses in this process. */
export function sqliteDriverName(): SqliteDriverName {
  return driver().name;
}

/** The driver, loaded on first use (so processes that keep no SQLite store never load one). */
function driver(): SqliteDriver {
  return (loaded ??= loadDriver());
}

/**
 * Runs `body` in a `BEGIN IMMEDIATE` transaction (the write lock is taken up front, so
 * the transaction cannot fail half-way on a lock) and commits it, or rolls it back and
 * rethrows when `body` or the commit fails.
 */
export function immediateTransaction<T>(db: SqliteDatabase, body: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = body();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    rollback(db);
    throw error;
  }
}

function rollback(db: SqliteDatabase): void {
  try {
    db.exec('ROLLBACK');
  } catch {
    // SQLite already rolled back (it does on some errors, e.g. SQLITE_FULL): the
    // caller's error is the one to report.
  }
}

function loadDriver(): SqliteDriver {
  const reasons: string[] = [];
  try {
    const { DatabaseSync } = requireWithoutSqliteWarning('node:sqlite') as NodeSqliteModule;
    return {
      name: 'node:sqlite',
      open: (file, options) => new DatabaseSync(file, { readOnly: options.readOnly ?? false }),
    };
  } catch (error) {
    reasons.push(`node:sqlite: ${(error as Error).message}`);
  }
  try {
    const Database = requireModule('better-sqlite3') as BetterSqliteModule;
    return {
      name: 'better-sqlite3',
      open: (file, options) => new Database(file, { readonly: options.readOnly ?? false }),
    };
  } catch (error) {
    reasons.push(`better-sqlite3: ${(error as Error).message}`);
  }
  throw new Error(
    'the SQLite store needs Node.js 22.13 or later (built-in node:sqlite) or the ' +
      `better-sqlite3 package (npm install better-sqlite3); ${reasons.join('; ')}`,
  );
}

/**
 * Loads `node:sqlite` without the one-off "SQLite is an experimental feature" warning
 * that Node.js 24 prints on load: Roam chooses that module knowingly (see
 * {@link SqliteDriverName}), so the warning would only alarm operators. Other warnings
 * pass through.
 */
function requireWithoutSqliteWarning(id: string): unknown {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.startsWith('SQLite is an experimental feature')) return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return requireModule(id);
  } finally {
    process.emitWarning = emitWarning;
  }
}
