import {
  DEFAULT_DATA_DIR,
  importCatalogFiles,
  readLocalCatalog,
  writeLocalCatalog,
  type FileReport,
  type ImportFile,
} from '@roam/adapters';
import { isAsOfDate, mergeCatalogs } from '@roam/core';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../../io.js';
import { readingCatalog } from './options.js';

/** `roam catalog import FILE...`: saves the offerings of public catalog files in the data dir. */
export async function catalogImportCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      'as-of': { type: 'string' },
    },
    allowPositionals: true,
  });
  const asOf = values['as-of'];
  if (asOf !== undefined && !isAsOfDate(asOf))
    throw new UsageError(
      `--as-of must be a date YYYY-MM-DD, YYYY-MM or YYYY, got ${JSON.stringify(asOf)}`,
    );
  if (positionals.length === 0)
    throw new UsageError(
      'no files given: roam catalog import FILE [FILE ...] (- for standard input)',
    );
  const dataDir = values['data-dir'];
  const earlier = await readingCatalog(() => readLocalCatalog(dataDir));
  const files: ImportFile[] = [];
  const unreadable: string[] = [];
  for (const path of positionals) {
    try {
      files.push({ name: path === '-' ? 'stdin' : path, text: await io.read(path) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      unreadable.push(
        `${path}: cannot read: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
  }
  const imported = importCatalogFiles(files, asOf !== undefined ? { asOf } : {});
  const errors = [...unreadable, ...imported.errors];
  if (errors.length > 0) {
    for (const e of errors) io.err(e);
    io.err(`nothing imported: ${count(errors.length, 'error')}`);
    return 1;
  }
  const saved = mergeCatalogs(earlier, imported.catalog);
  const path = await writeLocalCatalog(dataDir, saved);
  for (const report of imported.reports) io.out(describeReport(report));
  const offerings = count(saved.offerings.length, 'imported offering');
  io.out(`saved ${path}: ${offerings} from ${count(saved.sources.length, 'source')}`);
  return 0;
}

/** One line about what a file gave. */
function describeReport(r: FileReport): string {
  const gave =
    r.zonesFilled !== undefined
      ? `zones for ${count(r.zonesFilled, 'GCP offering')}`
      : `${count(r.offerings, 'offering')}, as of ${r.asOf ?? 'unknown (use --as-of)'}`;
  const left = r.skipped.map((s) => `${s.reason} (${s.rows})`).join(', ');
  return `${r.file}: ${r.format}, ${gave}${left === '' ? '' : `; rows left out: ${left}`}`;
}

/** `n` and the noun, plural unless `n` is 1. */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
