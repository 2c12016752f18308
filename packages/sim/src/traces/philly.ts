import { NAME_RULE } from '@roam/core';
import type { CsvRow } from './table.js';

/** GPUs of one Philly machine as the Helios simulator models them, and the most one replica uses. */
export const PHILLY_GPUS_PER_NODE = 8;

/** The queue of Philly jobs whose virtual cluster has no queue of its own. */
export const PHILLY_OTHER_QUEUE = 'other';

/** A Philly virtual cluster's name from `column`; it names a queue, so it must be a valid name. */
export function vcName<C extends string>(row: CsvRow<C>, column: C): string {
  const vc = row.nonEmpty(column);
  if (!NAME_RULE.pattern.test(vc))
    row.fail(column, `${NAME_RULE.patternText}, got ${JSON.stringify(vc)}`);
  return vc;
}
