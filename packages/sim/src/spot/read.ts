import { readTraceText } from '../traces/load.js';
import { TraceError } from '../traces/types.js';
import { CANT_BE_LATE_COLUMNS, LONG_FORMAT_COLUMNS, readLongFormat } from './long-format.js';
import { PRICE_HISTORY_COLUMNS, readPriceHistory } from './price-history.js';
import { PROBE_COLUMNS, readProbes } from './probes.js';
import type { SpotTrace, SpotTraceFormat } from './trace.js';

/** Each spot trace format and the columns its header must have, most specific first. */
const FORMATS: readonly { format: SpotTraceFormat; columns: readonly string[] }[] = [
  { format: 'skynomad-h100', columns: PROBE_COLUMNS },
  { format: 'cant-be-late', columns: CANT_BE_LATE_COLUMNS },
  { format: 'spothedge-a100', columns: LONG_FORMAT_COLUMNS },
  { format: 'gcp-price-history', columns: PRICE_HISTORY_COLUMNS },
];

/**
 * The format of a spot trace from its header line: the first of SkyNomad's H100 probes,
 * the Can't Be Late long format, SpotHedge's A100 long format and the GCP price history
 * whose columns all appear.
 */
export function detectSpotFormat(header: string): SpotTraceFormat | undefined {
  const columns = new Set(
    header
      .trim()
      .split(',')
      .map((c) => c.trim()),
  );
  return FORMATS.find((f) => f.columns.every((c) => columns.has(c)))?.format;
}

/** Reads a spot trace from its text with the reader its header calls for. */
export function parseSpotTrace(text: string, file: string): SpotTrace {
  const header = text.slice(0, Math.max(0, text.indexOf('\n'))).replace(/^\uFEFF/, '') || text;
  const format = detectSpotFormat(header);
  if (format === undefined)
    throw new TraceError(
      file,
      1,
      'header',
      `is not a spot trace header; known: ${FORMATS.map((f) => `${f.format} (${f.columns.join(',')})`).join('; ')}`,
    );
  if (format === 'skynomad-h100') return readProbes(text, file);
  if (format === 'gcp-price-history') return readPriceHistory(text, file);
  return readLongFormat(text, file, format);
}

/** Reads a spot trace file (gzipped or not) from disk. */
export async function loadSpotTrace(path: string): Promise<SpotTrace> {
  return parseSpotTrace(await readTraceText(path), path);
}
