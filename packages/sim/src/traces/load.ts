import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { detectFormat, type TraceFormat } from './detect.js';
import { readOpenbNodes, type OpenbNodeOptions } from './openb-nodes.js';
import { readOpenbPodTrace } from './openb-pods.js';
import { readPhillyJobs, type PhillyJobOptions } from './philly-jobs.js';
import { readPhillyVcs } from './philly-vcs.js';
import { readRoamJsonl } from './roam-jsonl.js';
import { TraceError, type ClusterSpec, type Trace } from './types.js';

/** Options passed to the reader `loadTraceFile` picks. */
export interface LoadOptions {
  readonly openbNodes?: OpenbNodeOptions;
  readonly phillyJobs?: PhillyJobOptions;
}

const gunzipAsync = promisify(gunzip);

/** The text of a file, gunzipped when it starts with the gzip magic bytes (whatever its name). */
export async function readTraceText(path: string): Promise<string> {
  const bytes = await readFile(path);
  const gzipped = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (gzipped ? await gunzipAsync(bytes) : bytes).toString('utf8');
}

/**
 * Reads the text of a trace or cluster file with the reader its first non-empty line calls
 * for (see `detectFormat`): a node or VC list gives a ClusterSpec, anything else a Trace.
 * An unknown header is a TraceError at that line. `file` names the file in errors.
 */
export function parseTraceText(
  text: string,
  file: string,
  options: LoadOptions = {},
): Trace | ClusterSpec {
  const format = formatOf(text, file);
  switch (format) {
    case 'openb-nodes':
      return readOpenbNodes(text, file, options.openbNodes);
    case 'openb-pods':
      return readOpenbPodTrace(text, file);
    case 'philly-jobs':
      return readPhillyJobs(text, file, options.phillyJobs);
    case 'philly-vcs':
      return readPhillyVcs(text, file);
    case 'roam-jsonl':
      return readRoamJsonl(text, file);
  }
}

/** Reads a trace or cluster file from disk (see `readTraceText` and `parseTraceText`). */
export async function loadTraceFile(
  path: string,
  options: LoadOptions = {},
): Promise<Trace | ClusterSpec> {
  return parseTraceText(await readTraceText(path), path, options);
}

/** The format of `text` from its first non-blank line; a TraceError at that line if unknown. */
function formatOf(text: string, file: string): TraceFormat {
  const at = text.search(/\S/);
  if (at === -1) throw new TraceError(file, 1, 'header', 'the file is empty');
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  try {
    return detectFormat(text.slice(start, end === -1 ? text.length : end));
  } catch (e) {
    const line = text.slice(0, start).split('\n').length;
    throw new TraceError(file, line, 'header', (e as Error).message);
  }
}
