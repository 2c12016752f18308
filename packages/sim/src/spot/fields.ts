import type { CsvRow } from '../traces/table.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/;
const PRICE = /^[0-9]+(\.[0-9]+)?$/;

/** A UTC time such as `2025-10-04T00:10:00Z` in `column`, ms; fails the row otherwise. */
export function utcMs<C extends string>(row: CsvRow<C>, column: C): number {
  const text = row.nonEmpty(column);
  const ms = ISO_UTC.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms))
    row.fail(
      column,
      `must be a UTC time such as 2025-10-04T00:10:00Z, got ${JSON.stringify(text)}`,
    );
  return ms;
}

/** A price in USD per hour in `column`, NaN when empty; fails the row otherwise. */
export function usdPerHour<C extends string>(row: CsvRow<C>, column: C): number {
  const text = row.text(column);
  if (text === '') return Number.NaN;
  if (!PRICE.test(text))
    row.fail(column, `must be a price in USD per hour or empty, got ${JSON.stringify(text)}`);
  return Number(text);
}
