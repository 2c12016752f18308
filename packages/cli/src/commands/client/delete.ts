import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError, resolveKind } from './common.js';

export const deleteHelp = `Usage: roam delete workload|queue|nodepool|colony NAME [NAME ...]

Deletes resources; a running workload is stopped.
${CONNECTION_HELP}`;

/** `roam delete KIND NAME...`. */
export async function deleteCommand(args: string[], io: Io): Promise<number> {
  const { positionals, client } = await clientFor(args, {});
  const [word, ...names] = positionals;
  const { plural, kind } = resolveKind(word);
  if (names.length === 0) throw new UsageError(`a ${kind.toLowerCase()} name is required`);
  for (const name of names) {
    try {
      await client.request('DELETE', `${collection(plural)}/${encodeURIComponent(name)}`);
      io.out(`${kind.toLowerCase()}/${name} deleted`);
    } catch (e) {
      explainApiError(e);
    }
  }
  return 0;
}
