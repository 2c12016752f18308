import { TraceError } from './types.js';

/**
 * Remembers the names (node names, workload keys, queue names) a file has used so far,
 * and refuses one used twice with a TraceError pointing at both lines.
 */
export class UniqueNames {
  private readonly firstLine = new Map<string, number>();

  constructor(
    private readonly file: string,
    /** What the names are, for messages: `node`, `workload`, `vc`. */
    private readonly what: string,
  ) {}

  /** Records `name`, read at `line` from `column`; throws if it was seen before. */
  add(name: string, line: number, column: string): void {
    const first = this.firstLine.get(name);
    if (first !== undefined)
      throw new TraceError(
        this.file,
        line,
        column,
        `${this.what} ${name} is listed twice (first at line ${first})`,
      );
    this.firstLine.set(name, line);
  }
}
