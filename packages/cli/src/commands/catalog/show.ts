import { DEFAULT_DATA_DIR, loadCatalog, localCatalogPath } from '@roam/adapters';
import { summariseCatalog, type SourceSummary } from '@roam/core';
import { parseArgs } from 'node:util';
import { UsageError, type Io } from '../../io.js';
import { table } from '../../table.js';
import { readingCatalog } from './options.js';

/** `roam catalog show`: what the catalog `roam offers` searches holds, per source. */
export async function catalogShowCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'data-dir': { type: 'string', default: DEFAULT_DATA_DIR },
      output: { type: 'string', short: 'o' },
    },
  });
  if (values.output !== undefined && values.output !== 'json')
    throw new UsageError(`-o must be json, got ${values.output}`);
  const catalog = await readingCatalog(() => loadCatalog(values['data-dir']));
  const summaries = summariseCatalog(catalog);
  const file = localCatalogPath(values['data-dir']);
  if (values.output === 'json') {
    io.out(
      JSON.stringify(
        { file, offerings: catalog.offerings.length, sources: summaries.map(toJson) },
        null,
        2,
      ),
    );
    return 0;
  }
  const rows = summaries.map((s) => [
    s.source.name,
    s.source.asOf ?? 'unknown',
    String(s.offerings),
    Object.entries(s.byCloud)
      .map(([cloud, n]) => `${cloud} ${n}`)
      .join(', '),
    String(s.regions),
    s.gpuModels.join(','),
  ]);
  io.out(table(['SOURCE', 'AS OF', 'OFFERINGS', 'CLOUDS', 'REGIONS', 'GPU MODELS'], rows));
  io.out(`\n${catalog.offerings.length} offerings: the built-in catalog with ${file} over it`);
  for (const s of summaries) io.out(`  ${s.source.name}: ${s.source.description}`);
  return 0;
}

/** A source summary as JSON, the source's fields first. */
function toJson(s: SourceSummary): unknown {
  return {
    ...s.source,
    offerings: s.offerings,
    byCloud: s.byCloud,
    regions: s.regions,
    gpuModels: s.gpuModels,
  };
}
