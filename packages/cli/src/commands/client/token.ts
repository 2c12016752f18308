import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { table } from '../../table.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError } from './common.js';

export const tokenHelp = `Usage: roam token create --role admin|queue-admin|member [--queue Q ...] [--name NAME]
       roam token list
       roam token revoke NAME

Manages bearer tokens (admin only). A member sees and changes only its queues' workloads;
a queue-admin also manages its queues' quotas within the parent's. The new token is
printed once.
${CONNECTION_HELP}`;

/** `roam token create|list|revoke`. */
export async function tokenCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, client } = await clientFor(args, {
    role: { type: 'string' },
    queue: { type: 'string', multiple: true },
    name: { type: 'string' },
    output: { type: 'string', short: 'o' },
  });
  const [action, arg] = positionals;
  try {
    if (action === 'create') {
      const role = values.role;
      if (typeof role !== 'string')
        throw new UsageError('--role is required: admin, queue-admin or member');
      const queues = (values.queue as string[] | undefined) ?? [];
      const name =
        typeof values.name === 'string'
          ? values.name
          : `${role}-${queues.join('-') || 'all'}-${Date.now().toString(36)}`;
      const created = await client.request<{
        token: string;
        name: string;
        role: string;
        queues: string[];
      }>('POST', collection('tokens'), { name, role, queues });
      if (values.output === 'json') io.out(JSON.stringify(created, null, 2));
      else
        io.out(
          `token ${created.name} (${created.role}${created.queues.length ? ` of ${created.queues.join(', ')}` : ''}):\n${created.token}`,
        );
      return 0;
    }
    if (action === 'list') {
      const { items } = await client.request<{
        items: { name: string; role: string; queues: string[]; createdAt: number }[];
      }>('GET', collection('tokens'));
      io.out(
        table(
          ['NAME', 'ROLE', 'QUEUES', 'CREATED'],
          items.map((t) => [
            t.name,
            t.role,
            t.queues.join(',') || '*',
            new Date(t.createdAt).toISOString(),
          ]),
        ),
      );
      return 0;
    }
    if (action === 'revoke') {
      if (arg === undefined) throw new UsageError('the name of the token to revoke is required');
      await client.request('DELETE', `${collection('tokens')}/${encodeURIComponent(arg)}`);
      io.out(`token ${arg} revoked`);
      return 0;
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    return explainApiError(e);
  }
  throw new UsageError(
    `token takes create, list or revoke, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`,
  );
}
