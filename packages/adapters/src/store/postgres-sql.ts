import type { GroupPlan } from './plan.js';

/** Every statement a PostgresStore runs, with its tables in the PostgreSQL schema `s`. */
export function postgresStatements(s: string) {
  const objectColumns = `kind, key, resource_version AS "resourceVersion", doc::text AS json`;
  const tokenColumns = `hash, name, role, queues::text AS queues, created_at AS "createdAt"`;
  return {
    object: `SELECT ${objectColumns} FROM ${s}.objects WHERE kind = $1 AND key = $2`,
    objects: `SELECT ${objectColumns} FROM ${s}.objects WHERE kind = $1 ORDER BY key`,
    changes: `
      SELECT resource_version AS "resourceVersion", type, kind, key, doc::text AS json
      FROM ${s}.changes WHERE resource_version > $1 ORDER BY resource_version LIMIT $2`,
    version: `SELECT version FROM ${s}.counters WHERE id = 1`,
    events: `
      SELECT seq, at, data::text AS json FROM ${s}.events
      WHERE seq > $1 ORDER BY seq LIMIT $2`,
    token: `SELECT ${tokenColumns} FROM ${s}.tokens WHERE hash = $1`,
    tokens: `SELECT ${tokenColumns} FROM ${s}.tokens ORDER BY name, hash`,
    /** Serialises writers: held until commit, so versions commit in order. */
    lockCounters: `SELECT version, event_seq AS "eventSeq" FROM ${s}.counters WHERE id = 1 FOR UPDATE`,
    objectVersions: `
      SELECT kind, key, resource_version AS "resourceVersion" FROM ${s}.objects
      WHERE (kind, key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    tokenHashes: `SELECT hash FROM ${s}.tokens WHERE hash = ANY ($1::text[])`,
    /** Writes a whole group plan in one statement; its parameters: {@link applyParameters}. */
    apply: `
      WITH put_objects AS (
        INSERT INTO ${s}.objects (kind, key, resource_version, doc)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::json[])
        ON CONFLICT (kind, key) DO UPDATE
        SET resource_version = excluded.resource_version, doc = excluded.doc
      ), delete_objects AS (
        DELETE FROM ${s}.objects AS o USING unnest($5::text[], $6::text[]) AS d (kind, key)
        WHERE o.kind = d.kind AND o.key = d.key
      ), log_changes AS (
        INSERT INTO ${s}.changes (resource_version, type, kind, key, doc)
        SELECT * FROM unnest($7::bigint[], $8::text[], $9::text[], $10::text[], $11::json[])
      ), append_events AS (
        INSERT INTO ${s}.events (seq, at, data)
        SELECT * FROM unnest($12::bigint[], $13::bigint[], $14::json[])
      ), put_tokens AS (
        INSERT INTO ${s}.tokens (hash, name, role, queues, created_at)
        SELECT * FROM unnest($15::text[], $16::text[], $17::text[], $18::json[], $19::bigint[])
        ON CONFLICT (hash) DO UPDATE
        SET name = excluded.name, role = excluded.role, queues = excluded.queues,
            created_at = excluded.created_at
      ), delete_tokens AS (
        DELETE FROM ${s}.tokens WHERE hash = ANY ($20::text[])
      )
      UPDATE ${s}.counters SET version = $21, event_seq = $22 WHERE id = 1`,
  };
}

/** The parameters of the `apply` statement for a plan: one array per column. */
export function applyParameters(plan: GroupPlan): unknown[] {
  const { puts, deletes, changes, events, tokenPuts } = plan;
  return [
    puts.map((row) => row.kind),
    puts.map((row) => row.key),
    puts.map((row) => row.resourceVersion),
    puts.map((row) => row.json),
    deletes.map((id) => id.kind),
    deletes.map((id) => id.key),
    changes.map((row) => row.resourceVersion),
    changes.map((row) => row.type),
    changes.map((row) => row.kind),
    changes.map((row) => row.key),
    changes.map((row) => row.json),
    events.map((row) => row.seq),
    events.map((row) => row.at),
    events.map((row) => row.json),
    tokenPuts.map((token) => token.hash),
    tokenPuts.map((token) => token.name),
    tokenPuts.map((token) => token.role),
    tokenPuts.map((token) => JSON.stringify(token.queues)),
    tokenPuts.map((token) => token.createdAt),
    plan.tokenDeletes,
    plan.version,
    plan.eventSeq,
  ];
}
