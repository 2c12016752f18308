import { formatDocumentError, validateResource } from '@roam/core';
import { parseAllDocuments } from 'yaml';
import type { Io } from '../../io.js';
import { UsageError } from '../../io.js';
import { clientFor, collection, CONNECTION_HELP, explainApiError, resolveKind } from './common.js';

export const applyHelp = `Usage: roam apply -f FILE [-f FILE ...]

Creates or updates the resources in the files (YAML with --- separators, or JSON); -f -
reads standard input. Every document is checked first: if any is invalid, nothing is
sent and every error is printed.
${CONNECTION_HELP}`;

/** `roam apply -f FILE...`: validate locally, then PUT each document. */
export async function applyCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals, client } = await clientFor(args, {
    filename: { type: 'string', short: 'f', multiple: true },
  });
  const files = [...((values.filename as string[] | undefined) ?? []), ...positionals];
  if (files.length === 0)
    throw new UsageError('no files given: use -f FILE (or -f - for standard input)');
  const docs: { doc: Record<string, unknown>; source: string }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const source = file === '-' ? 'stdin' : file;
    let text: string;
    try {
      text = await io.read(file);
    } catch (e) {
      problems.push(
        `${file}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
      continue;
    }
    let index = 0;
    for (const d of parseAllDocuments(text)) {
      if (d.errors.length > 0) {
        problems.push(
          `${source}: document ${index + 1}: ${d.errors[0]?.message.split('\n')[0] ?? 'invalid YAML'}`,
        );
        index++;
        continue;
      }
      const raw: unknown = d.toJS();
      if (raw === null || raw === undefined) continue;
      for (const item of Array.isArray(raw) ? raw : [raw]) {
        const { errors } = validateResource(item, source, index++);
        if (errors.length > 0) problems.push(...errors.map(formatDocumentError));
        else docs.push({ doc: item as Record<string, unknown>, source });
      }
    }
  }
  if (problems.length > 0) {
    for (const p of problems) io.err(p);
    return 1;
  }
  for (const { doc } of docs) {
    const { plural, kind } = resolveKind(String(doc.kind));
    const name = String((doc.metadata as { name: string }).name);
    try {
      const { status } = await client.call(
        'PUT',
        `${collection(plural)}/${encodeURIComponent(name)}`,
        doc,
      );
      io.out(`${kind.toLowerCase()}/${name} ${status === 201 ? 'created' : 'configured'}`);
    } catch (e) {
      explainApiError(e);
    }
  }
  return 0;
}
