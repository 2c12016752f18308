import { formatDocumentError, parseResources, type AnyResource } from '@roam/core';
import { UsageError, type Io } from '../io.js';

/** Resources read from files, with every error formatted as `file: Kind/name: path: reason`. */
export interface Loaded {
  resources: { resource: AnyResource; source: string }[];
  errors: string[];
}

/** Reads and validates every document of every file. A file that cannot be read is an error line too. */
export async function loadFiles(io: Io, files: readonly string[]): Promise<Loaded> {
  if (files.length === 0)
    throw new UsageError('no files given: use -f FILE (or -f - for standard input)');
  const loaded: Loaded = { resources: [], errors: [] };
  for (const file of files) {
    let text: string;
    try {
      text = await io.read(file);
    } catch (e) {
      loaded.errors.push(
        `${file}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
      continue;
    }
    const source = file === '-' ? 'stdin' : file;
    const result = parseResources(text, source);
    loaded.resources.push(...result.resources.map((resource) => ({ resource, source })));
    loaded.errors.push(...result.errors.map(formatDocumentError));
  }
  return loaded;
}
