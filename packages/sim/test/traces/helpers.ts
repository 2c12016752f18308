import { TraceError } from '../../src/traces/index.js';

/** The message of the TraceError `fn` throws, or a description of what happened instead. */
export function traceErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof TraceError ? e.message : `not a TraceError: ${String(e)}`;
  }
  return 'nothing thrown';
}

/** CSV text from lines, each ended by `\n`. */
export const lines = (...rows: string[]): string => rows.map((r) => `${r}\n`).join('');
