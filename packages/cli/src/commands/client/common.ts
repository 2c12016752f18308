import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../../io.js';
import { loadClientConfig } from '../../client/config.js';
import { ApiCallError, RoamClient } from '../../client/http-client.js';

/** Flags every client command takes. */
export const CONNECTION_OPTIONS = {
  server: { type: 'string' },
  token: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

/** Help text for the connection flags. */
export const CONNECTION_HELP = `  --server URL   the Roam server (default: $ROAM_SERVER, the CLI config, or http://127.0.0.1:7070)
  --token T      bearer token (default: $ROAM_TOKEN or the CLI config written by 'roam up')`;

/** Resource kinds by the names users type. */
const KIND_ALIASES: Readonly<Record<string, { plural: string; kind: string }>> = Object.fromEntries(
  (
    [
      [['workloads', 'workload', 'wl'], 'workloads', 'Workload'],
      [['queues', 'queue', 'q'], 'queues', 'Queue'],
      [['nodepools', 'nodepool', 'np', 'pools', 'pool'], 'nodepools', 'NodePool'],
      [['colonies', 'colony', 'col'], 'colonies', 'Colony'],
      [['nodes', 'node', 'no'], 'nodes', 'Node'],
      [['offerings', 'offering', 'offers', 'offer'], 'offerings', 'Offering'],
    ] as const
  ).flatMap(([names, plural, kind]) => names.map((n) => [n, { plural, kind }])),
);

/** The plural and kind a user's word names, or a usage error listing the known ones. */
export function resolveKind(word: string | undefined): { plural: string; kind: string } {
  const k = word === undefined ? undefined : KIND_ALIASES[word.toLowerCase()];
  if (!k)
    throw new UsageError(
      `${word === undefined ? 'a resource type is required' : `unknown resource type ${JSON.stringify(word)}`}: use workloads, queues, nodepools, colonies, nodes or offerings`,
    );
  return k;
}

/** The API path of a collection. */
export function collection(plural: string): string {
  return `/apis/roam.dev/v1alpha1/${plural}`;
}

/** Parses a client command's flags and builds the client. */
export async function clientFor<O extends ParseArgsConfig['options']>(
  args: string[],
  options: O,
): Promise<{ values: Record<string, unknown>; positionals: string[]; client: RoamClient }> {
  const parsed = parseArgs({
    args,
    options: { ...CONNECTION_OPTIONS, ...options },
    allowPositionals: true,
  });
  const values = parsed.values as Record<string, unknown>;
  const positionals = parsed.positionals;
  const config = await loadClientConfig({
    ...(typeof values.server === 'string' ? { server: values.server } : {}),
    ...(typeof values.token === 'string' ? { token: values.token } : {}),
  });
  return { values, positionals, client: new RoamClient(config) };
}

/** Turns an API error into a user error (stderr, exit 1), with the field causes. */
export function explainApiError(e: unknown): never {
  if (e instanceof ApiCallError) {
    const causes =
      e.causes.length > 0 && !e.message.includes(e.causes[0]?.message ?? '\0')
        ? `\n${e.causes.map((c) => `  ${c.field}: ${c.message}`).join('\n')}`
        : '';
    throw new UsageError(`error (${e.status}): ${e.message}${causes}`, 1);
  }
  throw e;
}

/** Age of an RFC 3339 time, like kubectl (`5s`, `3m`, `2h`, `4d`). */
export function age(iso: unknown, now = Date.now()): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) return '-';
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.round(s / 60)}m`;
  if (s < 172_800) return `${Math.round(s / 3600)}h`;
  return `${Math.round(s / 86_400)}d`;
}
