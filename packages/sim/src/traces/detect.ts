import { OPENB_NODE_COLUMNS } from './openb-nodes.js';
import { OPENB_POD_COLUMNS } from './openb-pods.js';
import { PHILLY_JOB_COLUMNS } from './philly-jobs.js';
import { PHILLY_VC_COLUMNS } from './philly-vcs.js';

/** The trace and cluster file formats Roam reads. */
export type TraceFormat =
  'openb-nodes' | 'openb-pods' | 'philly-jobs' | 'philly-vcs' | 'roam-jsonl';

/** Each CSV format and the columns its header must have (it may have more). */
const CSV_FORMATS: readonly { format: TraceFormat; columns: readonly string[] }[] = [
  { format: 'openb-nodes', columns: OPENB_NODE_COLUMNS },
  { format: 'openb-pods', columns: OPENB_POD_COLUMNS },
  { format: 'philly-jobs', columns: PHILLY_JOB_COLUMNS },
  { format: 'philly-vcs', columns: PHILLY_VC_COLUMNS },
];

/**
 * The format of a file from its first non-empty line: `roam-jsonl` when it starts with `{`
 * or `#`, otherwise the one CSV format whose columns all appear in it (in any order,
 * among others). Throws an Error listing the known headers when none or several match.
 */
export function detectFormat(header: string): TraceFormat {
  const line = header.trim();
  if (line.startsWith('{') || line.startsWith('#')) return 'roam-jsonl';
  const columns = new Set(line.split(',').map((c) => c.replace(/^"(.*)"$/, '$1')));
  const matches = CSV_FORMATS.filter((f) => f.columns.every((c) => columns.has(c)));
  if (matches.length === 1 && matches[0] !== undefined) return matches[0].format;
  const known = [
    ...CSV_FORMATS.map((f) => `${f.format} (${f.columns.join(',')})`),
    'roam-jsonl (a JSON object or a # comment)',
  ];
  const problem =
    matches.length === 0
      ? 'is not a known trace header'
      : `matches several formats (${matches.map((f) => f.format).join(', ')})`;
  throw new Error(`${JSON.stringify(line)} ${problem}; known headers: ${known.join('; ')}`);
}
