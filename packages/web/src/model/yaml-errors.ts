import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { FieldCause } from '../api/api-error.js';

/** A problem shown at a line of the editor. */
export interface LineError {
  /** 1-based line. */
  readonly line: number;
  /** The field path as the server named it ('' for the document). */
  readonly field: string;
  readonly message: string;
  /** False when the field is missing and the line is its nearest parent's. */
  readonly exact: boolean;
}

/** The document a YAML text holds, or the syntax errors that stop it. */
export type YamlParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly errors: readonly LineError[] };

/** Parses one YAML document; errors carry their lines. */
export function parseYaml(text: string): YamlParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0)
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: lines.linePos(e.pos[0]).line,
        field: '',
        message: e.message.split('\n')[0] ?? e.message,
        exact: true,
      })),
    };
  return { ok: true, value: doc.toJS() as unknown };
}

/**
 * Places the server's field errors (`spec.template.gpu`, `spec.quota[0].limitGpus`,
 * `metadata.labels.roam.dev/team`) at the lines of a YAML text: the line of the field's
 * key, or of its nearest parent's key when the field is missing.
 */
export function locateCauses(text: string, causes: readonly FieldCause[]): LineError[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return causes.map((c) => {
    const found = locate(doc.contents, c.field);
    const line = found.offset !== undefined ? lines.linePos(found.offset).line : 1;
    return { line, field: c.field, message: c.message, exact: found.exact };
  });
}

/** Where a path leads in a YAML tree: the offset of the deepest key found, and whether it is the field itself. */
function locate(
  root: YamlNode | null,
  path: string,
): { offset: number | undefined; exact: boolean } {
  let node: unknown = root;
  let rest = path;
  let offset: number | undefined;
  while (rest !== '') {
    if (isSeq(node)) {
      const m = /^\[(\d+)\]\.?/.exec(rest);
      const item: unknown = m ? node.items[Number(m[1])] : undefined;
      if (!m || !item) return { offset, exact: false };
      offset = (item as YamlNode).range?.[0] ?? offset;
      node = item;
      rest = rest.slice(m[0].length);
    } else if (isMap(node)) {
      // Keys may hold dots (label keys such as roam.dev/team): take the longest that fits.
      let best: { key: string; pair: (typeof node.items)[number] } | undefined;
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined || (best && key.length <= best.key.length)) continue;
        if (rest === key || rest.startsWith(`${key}.`) || rest.startsWith(`${key}[`))
          best = { key, pair };
      }
      if (!best) return { offset, exact: false };
      offset = (best.pair.key as YamlNode).range?.[0] ?? offset;
      node = best.pair.value;
      rest = rest.slice(best.key.length).replace(/^\./, '');
    } else return { offset, exact: false };
  }
  return { offset, exact: true };
}
