import type { Io } from '../../io.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError } from './common.js';

export const eventsHelp = `Usage: roam events [--workload NAME] [--follow] [--limit N]

Prints recent events: placements, preemptions, reclaims, completions, node changes, each
with its reason. --follow keeps streaming new ones until interrupted.
${CONNECTION_HELP}`;

interface EventView {
  time: string;
  type: string;
  workload?: string;
  node?: string;
  reason: string;
}

/** `roam events [--follow]`. */
export async function eventsCommand(args: string[], io: Io): Promise<number> {
  const { values, client } = await clientFor(args, {
    workload: { type: 'string' },
    follow: { type: 'boolean', short: 'f', default: false },
    limit: { type: 'string', default: '50' },
  });
  const workload = values.workload as string | undefined;
  const query = new URLSearchParams({ limit: String(values.limit) });
  if (workload !== undefined) query.set('workload', workload);
  try {
    const { items } = await client.request<{ items: EventView[] }>(
      'GET',
      `${collection('events')}?${query}`,
    );
    for (const e of items) io.out(line(e));
    if (!values.follow) return 0;
    const abort = new AbortController();
    const stop = (): void => abort.abort();
    process.once('SIGINT', stop);
    const watch = new URLSearchParams({ watch: 'true' });
    if (workload !== undefined) watch.set('workload', workload);
    await client.stream(
      `${collection('events')}?${watch}`,
      (event, data) => {
        if (event === 'event') io.out(line((data as { object: EventView }).object));
      },
      abort.signal,
    );
    process.off('SIGINT', stop);
    return 0;
  } catch (e) {
    if ((e as Error).name === 'AbortError') return 0;
    return explainApiError(e);
  }
}

function line(e: EventView): string {
  const subject =
    e.workload !== undefined
      ? `workload/${e.workload}`
      : e.node !== undefined
        ? `node/${e.node}`
        : '-';
  return `${e.time}  ${e.type.padEnd(12)} ${subject.padEnd(28)} ${e.reason}`;
}
