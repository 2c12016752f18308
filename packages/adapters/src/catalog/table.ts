import type { CsvRecord } from './csv.js';

/** A field that fails validation: thrown by {@link Row} accessors, caught per row. */
class RowError extends Error {
  constructor(
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${column}: ${reason}`);
    this.name = 'RowError';
  }
}

const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

/**
 * One data row of a catalog CSV with accessors that convert a field or throw a
 * {@link RowError} naming the column. Fields are trimmed; a column the header lacks reads
 * as empty.
 */
export class Row<C extends string> {
  constructor(
    /** 1-based line of the row in its file. */
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The trimmed text of a field. */
  text(column: C): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.fields[i] ?? '').trim();
  }

  /** A field that must match `pattern`; `what` describes it in the refusal. */
  matching(column: C, pattern: RegExp, what: string): string {
    const value = this.text(column);
    if (pattern.test(value)) return value;
    return this.fail(column, `must be ${what}, got ${JSON.stringify(value)}`);
  }

  /** A number written in digits with an optional decimal part; `positive` refuses zero. */
  decimal(column: C, positive = false): number {
    const value = this.text(column);
    const n = DECIMAL.test(value) ? Number(value) : Number.NaN;
    if (Number.isFinite(n) && (!positive || n > 0)) return n;
    const what = positive ? 'a positive number' : 'a non-negative number';
    return this.fail(column, `must be ${what}, got ${JSON.stringify(value)}`);
  }

  /** A price in USD per hour, in micro-dollars; undefined when the field is empty. */
  price(column: C): number | undefined {
    const value = this.text(column);
    if (value === '') return undefined;
    if (!DECIMAL.test(value) || Number(value) <= 0)
      this.fail(column, `must be a price in USD per hour or empty, got ${JSON.stringify(value)}`);
    return Math.round(Number(value) * 1_000_000);
  }

  /** Throws a {@link RowError} about a field of this row. */
  fail(column: C, reason: string): never {
    throw new RowError(column, reason);
  }
}

/** A problem with a line of a file: `line: column: reason` once the file name is added. */
export interface LineProblem {
  readonly line: number;
  readonly column: string;
  readonly reason: string;
}

/**
 * The data rows of CSV records under their header (the first record). A header without
 * one of the `required` columns, or listing a column twice, is one problem and yields no
 * rows; a row whose field count differs from the header's is a problem naming the first
 * missing or extra column. Other columns are ignored.
 */
export function tableRows<C extends string>(
  records: readonly CsvRecord[],
  required: readonly C[],
): { rows: Row<C>[]; problems: LineProblem[] } {
  const [head, ...body] = records;
  const header = head?.fields.map((f) => f.trim()) ?? [];
  const index = new Map<string, number>();
  const headerLine = head?.line ?? 1;
  for (const [i, name] of header.entries()) {
    if (index.has(name))
      return { rows: [], problems: [{ line: headerLine, column: name, reason: 'listed twice' }] };
    index.set(name, i);
  }
  const missing = required.find((c) => !index.has(c));
  if (missing !== undefined) {
    const reason =
      header.length === 0
        ? 'missing column: the file is empty'
        : `missing column (the header is ${header.join(',')})`;
    return { rows: [], problems: [{ line: headerLine, column: missing, reason }] };
  }
  const rows: Row<C>[] = [];
  const problems: LineProblem[] = [];
  for (const { line, fields } of body) {
    if (fields.length === header.length) rows.push(new Row<C>(line, fields, index));
    else {
      const short = fields.length < header.length;
      const at = short ? fields.length : header.length;
      problems.push({
        line,
        column: header[at] ?? `column ${at + 1}`,
        reason: `${short ? 'missing' : 'unexpected field'}: the row has ${fields.length} fields, the header ${header.length}`,
      });
    }
  }
  return { rows, problems };
}

/**
 * Calls `visit` on each row; a {@link RowError} it throws becomes a problem at the row's
 * line and the next row is read.
 */
export function eachRow<C extends string>(
  rows: readonly Row<C>[],
  problems: LineProblem[],
  visit: (row: Row<C>) => void,
): void {
  for (const row of rows) {
    try {
      visit(row);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      problems.push({ line: row.line, column: e.column, reason: e.reason });
    }
  }
}
