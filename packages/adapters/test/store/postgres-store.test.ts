import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/index.js';
import { storeContract } from './contract.js';

const url = process.env.ROAM_TEST_POSTGRES_URL;

/** Runs one statement on the test database. */
async function query(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A unique schema name, so tests (and parallel runs) never share tables. */
function schemaName(): string {
  return `roam_test_${randomBytes(6).toString('hex')}`;
}

if (url === undefined) {
  describe('PostgresStore', () => {
    it.skip('needs ROAM_TEST_POSTGRES_URL: run eval "$(bash .ci/postgres.sh)" first', () => {});
  });
} else {
  storeContract(
    'PostgresStore',
    async () => {
      const schema = schemaName();
      return {
        open: () => PostgresStore.open(url, { schema }),
        cleanup: () => query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
      };
    },
    { durable: true },
  );

  describe('PostgresStore', () => {
    it('refuses a schema written by a newer Roam', async () => {
      const schema = schemaName();
      await (await PostgresStore.open(url, { schema })).close();
      await query(`UPDATE ${schema}.schema_version SET version = 99`);
      await expect(PostgresStore.open(url, { schema })).rejects.toThrow(/schema version 99/);
      await query(`DROP SCHEMA ${schema} CASCADE`);
    });

    it('refuses a schema name that is not a plain identifier', async () => {
      await expect(PostgresStore.open(url, { schema: 'bad"name' })).rejects.toThrow(TypeError);
    });

    it('two stores opening a new schema at once both succeed', async () => {
      const schema = schemaName();
      const stores = await Promise.all([
        PostgresStore.open(url, { schema }),
        PostgresStore.open(url, { schema }),
      ]);
      await Promise.all(stores.map((store) => store.close()));
      await query(`DROP SCHEMA ${schema} CASCADE`);
    });
  });
}
