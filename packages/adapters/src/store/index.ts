/** The Store port's adapters: in memory, SQLite and PostgreSQL. */
export { MemoryStore } from './memory-store.js';
export { SqliteStore, sqliteFileName } from './sqlite-store.js';
export { sqliteDriverName, type SqliteDriverName } from './sqlite-driver.js';
export { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';
