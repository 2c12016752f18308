import { csvRecords } from './csv.js';
import { TraceError } from './types.js';

/** The columns a CSV reader needs: it fails without `required`, and uses `optional` if present. */
export interface ColumnSpec<C extends string> {
  readonly required: readonly C[];
  readonly optional?: readonly C[];
}

/**
 * One data row of a CSV file, with accessors that convert a field or throw a TraceError
 * naming the file, the line and the column. Accessors on an optional column that the
 * header lacks see an empty field.
 */
export class CsvRow<C extends string> {
  constructor(
    /** File name, for messages. */
    readonly file: string,
    /** 1-based line of the row, counting the header. */
    readonly line: number,
    private readonly fields: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  /** The raw text of a field. */
  text(column: C): string {
    const i = this.index.get(column);
    return i === undefined ? '' : (this.fields[i] ?? '');
  }

  /** A field that must not be empty. */
  nonEmpty(column: C): string {
    const value = this.text(column);
    return value === '' ? this.fail(column, 'must not be empty') : value;
  }

  /** An integer from `min` to `max` (no limit when `max` is omitted), written in digits. */
  int(column: C, min: number, max?: number): number {
    const value = this.text(column);
    const n = INTEGER.test(value) ? Number(value) : Number.NaN;
    if (Number.isSafeInteger(n) && n >= min && (max === undefined || n <= max)) return n;
    const range =
      max !== undefined
        ? `an integer from ${min} to ${max}`
        : min === 0
          ? 'a non-negative integer'
          : `an integer of at least ${min}`;
    return this.fail(column, `must be ${range}, got ${JSON.stringify(value)}`);
  }

  /**
   * A time in seconds (digits with an optional decimal part), returned in whole
   * milliseconds. With `positive`, zero is refused.
   */
  seconds(column: C, positive = false): number {
    const value = this.text(column);
    const ms = DECIMAL.test(value) ? Math.round(Number(value) * 1000) : Number.NaN;
    if (Number.isSafeInteger(ms) && (!positive || ms > 0)) return ms;
    const what = positive ? 'a positive number of seconds' : 'a non-negative number of seconds';
    return this.fail(column, `must be ${what}, got ${JSON.stringify(value)}`);
  }

  /** Like `seconds`, but an empty field is null. */
  optionalSeconds(column: C): number | null {
    return this.text(column) === '' ? null : this.seconds(column);
  }

  /** Throws a TraceError about a field of this row. */
  fail(column: C, reason: string): never {
    throw new TraceError(this.file, this.line, column, reason);
  }
}

const INTEGER = /^-?[0-9]+$/;
const DECIMAL = /^[0-9]+(\.[0-9]+)?$/;

/**
 * Reads the header of a CSV text, checks that every required column is there (a missing
 * one is a TraceError at the header line naming it; columns the spec does not list are
 * ignored), and yields the data rows. A row whose field count differs from the header's is
 * an error.
 */
export function* csvRows<C extends string>(
  text: string,
  file: string,
  spec: ColumnSpec<C>,
): Generator<CsvRow<C>> {
  let header: readonly string[] | undefined;
  const columnName = (i: number): string => header?.[i] ?? `column ${i + 1}`;
  const index = new Map<string, number>();
  for (const record of csvRecords(text, file, columnName)) {
    if (header === undefined) {
      header = record.fields;
      indexHeader(header, record.line, file, spec, index);
      continue;
    }
    const { line, fields } = record;
    if (fields.length < header.length)
      throw new TraceError(
        file,
        line,
        columnName(fields.length),
        `missing: the row has ${fields.length} fields, the header ${header.length}`,
      );
    if (fields.length > header.length)
      throw new TraceError(
        file,
        line,
        columnName(header.length),
        `unexpected field: the row has ${fields.length} fields, the header ${header.length}`,
      );
    yield new CsvRow<C>(file, line, fields, index);
  }
  if (header === undefined) indexHeader([], 1, file, spec, index);
}

function indexHeader<C extends string>(
  header: readonly string[],
  line: number,
  file: string,
  spec: ColumnSpec<C>,
  index: Map<string, number>,
): void {
  header.forEach((name, i) => {
    if (index.has(name)) throw new TraceError(file, line, name, 'column listed twice');
    index.set(name, i);
  });
  for (const column of spec.required)
    if (!index.has(column))
      throw new TraceError(
        file,
        line,
        column,
        header.length === 0
          ? 'missing column: the file is empty'
          : `missing column (the header is ${header.join(',')})`,
      );
}
