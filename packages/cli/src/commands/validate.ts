import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { loadFiles } from './load.js';

export const validateHelp = `Usage: roam validate -f FILE [-f FILE ...]

Checks resource documents (YAML, multi-document, or JSON) without applying them.
Prints every error to stderr, one per line, as 'file: Kind/name: field: reason', and
exits 1; or prints a one-line summary and exits 0. Use -f - for standard input.`;

/** `roam validate -f FILE...` */
export async function validateCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { filename: { type: 'string', short: 'f', multiple: true } },
    allowPositionals: true,
  });
  const files = [...(values.filename ?? []), ...positionals];
  const { resources, errors } = await loadFiles(io, files);
  if (errors.length > 0) {
    for (const e of errors) io.err(e);
    return 1;
  }
  const counts = new Map<string, number>();
  for (const { resource } of resources)
    counts.set(resource.kind, (counts.get(resource.kind) ?? 0) + 1);
  const summary = [...counts.entries()]
    .map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`)
    .join(', ');
  io.out(
    `valid: ${resources.length} document${resources.length === 1 ? '' : 's'} (${summary || 'none'}) in ${files.length} file${files.length === 1 ? '' : 's'}`,
  );
  return 0;
}
