import { TraceError } from './types.js';

/** One record of a CSV text: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const NEWLINE = 10; // \n
const RETURN = 13; // \r

/**
 * Splits CSV text into records: comma-separated fields, `\n` or `\r\n` line ends, fields
 * optionally in double quotes (a quoted field may hold commas, line breaks and `""` for
 * one quote). Empty lines are skipped and a leading byte-order mark is ignored. A quote
 * inside an unquoted field, text after a closing quote, or an unterminated quote is a
 * TraceError at the line where the record starts; `columnName` names the field's column.
 */
export function* csvRecords(
  text: string,
  file: string,
  columnName: (index: number) => string,
): Generator<CsvRecord> {
  const end = text.length;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let nextQuote = text.indexOf('"', pos);
  while (pos < end) {
    if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = end;
    if (nextQuote === -1 || nextQuote >= lineEnd) {
      const contentEnd =
        lineEnd > pos && text.charCodeAt(lineEnd - 1) === RETURN ? lineEnd - 1 : lineEnd;
      if (contentEnd > pos) yield { line, fields: text.slice(pos, contentEnd).split(',') };
      pos = lineEnd + 1;
      line++;
      continue;
    }
    const record = quotedRecord(text, pos, line, file, columnName);
    yield { line, fields: record.fields };
    pos = record.next;
    line += record.lines;
  }
}

/** Reads one record that contains a quote, field by field, from `pos`. */
function quotedRecord(
  text: string,
  pos: number,
  line: number,
  file: string,
  columnName: (index: number) => string,
): { fields: string[]; next: number; lines: number } {
  const fields: string[] = [];
  const length = text.length;
  let lines = 1;
  const fail = (reason: string): never => {
    throw new TraceError(file, line, columnName(fields.length), reason);
  };
  for (;;) {
    let value = '';
    if (text.charCodeAt(pos) === QUOTE) {
      let from = pos + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) return fail('unterminated quoted field');
        value += text.slice(from, close);
        pos = close + 1;
        if (text.charCodeAt(pos) !== QUOTE) break;
        value += '"';
        from = pos + 1;
      }
      lines += countNewlines(value);
      const c = text.charCodeAt(pos);
      if (c === RETURN && (pos + 1 === length || text.charCodeAt(pos + 1) === NEWLINE)) pos++;
    } else {
      let stop = pos;
      while (stop < length) {
        const c = text.charCodeAt(stop);
        if (c === COMMA || c === NEWLINE) break;
        if (c === QUOTE)
          return fail('a quote inside an unquoted field (quote the whole field and double it)');
        stop++;
      }
      const lineEnds = stop === length || text.charCodeAt(stop) === NEWLINE;
      const crlf = lineEnds && stop > pos && text.charCodeAt(stop - 1) === RETURN;
      value = text.slice(pos, crlf ? stop - 1 : stop);
      pos = stop;
    }
    if (pos < length && text.charCodeAt(pos) === COMMA) {
      fields.push(value);
      pos++;
    } else if (pos === length || text.charCodeAt(pos) === NEWLINE) {
      fields.push(value);
      return { fields, next: pos + 1, lines };
    } else {
      return fail('text after a closing quote');
    }
  }
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
