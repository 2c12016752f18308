import { offeringId, type Offering } from '@roam/core';
import type { CsvRecord } from './csv.js';
import { eachRow, tableRows, type LineProblem, type Row } from './table.js';

/** A row left out on purpose (no price, no GPU, …), with the reason counted in the report. */
export interface Skip {
  readonly skip: string;
}

/** A public CSV format of offerings: its columns and how to read one row. */
export interface OfferingFormat<C extends string> {
  /** Short name shown in reports: `aws-vantage`, `gcp-pricing`, `azure-skypilot`. */
  readonly name: string;
  /** What the format is, for the imported source's description. */
  readonly description: string;
  /** Columns the header must have; detection looks for them too. */
  readonly required: readonly C[];
  /** The column a duplicate (same instance type and region) is reported on. */
  readonly idColumn: C;
  /** An offering, a skip, or a `RowError` thrown by the row's accessors. */
  readRow(row: Row<C>): Offering | Skip;
  /** The date the rows say their prices are from, when the format has one; never throws. */
  asOf?(rows: readonly Row<C>[]): string | undefined;
}

/** What reading a file of one format gives. */
export interface FormatRead {
  readonly offerings: Offering[];
  /** Rows left out on purpose: reason → rows. */
  readonly skipped: Map<string, number>;
  readonly problems: LineProblem[];
  readonly asOf?: string;
}

/**
 * Reads every row of a file in `format`. A malformed row is a problem and reading goes
 * on; a second row for the same instance type and region is a problem naming the first.
 */
export function readOfferings<C extends string>(
  format: OfferingFormat<C>,
  records: readonly CsvRecord[],
): FormatRead {
  const { rows, problems } = tableRows(records, format.required);
  const offerings: Offering[] = [];
  const skipped = new Map<string, number>();
  const lines = new Map<string, number>();
  eachRow(rows, problems, (row) => {
    const result = format.readRow(row);
    if ('skip' in result) {
      skipped.set(result.skip, (skipped.get(result.skip) ?? 0) + 1);
      return;
    }
    const id = offeringId(result);
    const first = lines.get(id);
    if (first !== undefined)
      row.fail(format.idColumn, `duplicate of line ${first} (same instance type and region)`);
    lines.set(id, row.line);
    offerings.push(result);
  });
  const asOf = format.asOf?.(rows);
  return asOf === undefined
    ? { offerings, skipped, problems }
    : { offerings, skipped, problems, asOf };
}
