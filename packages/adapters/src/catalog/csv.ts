/** One record of a CSV text: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

/** A record that could not be read: where, which field (0-based) and why. */
export interface CsvProblem {
  readonly line: number;
  readonly field: number;
  readonly reason: string;
}

/**
 * Splits CSV text into records: comma-separated fields, `\n` or `\r\n` line ends, fields
 * optionally in double quotes (a quoted field may hold commas, line breaks and `""` for
 * one quote). Empty lines are skipped and a leading byte-order mark is ignored. Unlike a
 * reader that stops at the first bad record, it reports a quote inside an unquoted field,
 * text after a closing quote or an unterminated quote as a problem, skips to the next
 * line and goes on, so that an import can list every bad row at once.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (pos < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let problem: string | undefined;
    for (;;) {
      if (text[pos] === '"') {
        const close = closingQuote(text, pos + 1);
        if (close === -1) {
          problem = 'unterminated quoted field';
          pos = text.length;
          break;
        }
        const quoted = text.slice(pos + 1, close);
        line += quoted.split('\n').length - 1;
        field = quoted.replaceAll('""', '"');
        pos = close + 1;
        if (text[pos] === '\r' && text[pos + 1] === '\n') pos++;
        if (pos < text.length && text[pos] !== ',' && text[pos] !== '\n') {
          problem = 'text after a closing quote';
          break;
        }
      } else {
        let end = pos;
        while (end < text.length && text[end] !== ',' && text[end] !== '\n') end++;
        field = text.slice(pos, end).replace(/\r$/, '');
        pos = end;
        if (field.includes('"')) {
          problem = 'a quote inside an unquoted field (quote the whole field and double it)';
          break;
        }
      }
      fields.push(field);
      if (text[pos] !== ',') break;
      pos++;
    }
    if (problem !== undefined) {
      problems.push({ line: start, field: fields.length, reason: problem });
      const next = text.indexOf('\n', pos);
      pos = next === -1 ? text.length : next;
    } else if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    pos++;
    line++;
  }
  return { records, problems };
}

/** The index of the quote that closes a quoted field whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = text.indexOf('"', from); i !== -1; i = text.indexOf('"', i + 2))
    if (text[i + 1] !== '"') return i;
  return -1;
}
