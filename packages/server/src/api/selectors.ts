import { errors } from '../http/errors.js';

/** One requirement of a label or field selector. */
interface Requirement {
  readonly key: string;
  readonly op: '=' | '!=' | 'exists' | '!exists';
  readonly value?: string;
}

/** Parses a Kubernetes-style selector: `a=b,c!=d,e,!f` (`==` is accepted for `=`). */
export function parseSelector(
  text: string | null,
  what: 'labelSelector' | 'fieldSelector',
): Requirement[] {
  if (text === null || text.trim() === '') return [];
  return text.split(',').map((part) => {
    const p = part.trim();
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(p);
    if (m)
      return {
        key: (m[1] as string).trim(),
        op: m[2] === '!=' ? '!=' : '=',
        value: (m[3] as string).trim(),
      };
    if (/^![\w./-]+$/.test(p)) return { key: p.slice(1), op: '!exists' };
    if (/^[\w./-]+$/.test(p) && what === 'labelSelector') return { key: p, op: 'exists' };
    throw errors.badRequest(
      `${what}: cannot parse ${JSON.stringify(p)}; use key=value, key!=value${what === 'labelSelector' ? ', key or !key' : ''}`,
    );
  });
}

/** Whether labels satisfy a label selector. */
export function matchesLabels(
  labels: Readonly<Record<string, string>> | undefined,
  reqs: readonly Requirement[],
): boolean {
  return reqs.every((r) => test(labels?.[r.key], r));
}

/** Whether a document satisfies a field selector (paths like `spec.queue`, `status.phase`, `metadata.name`). */
export function matchesFields(doc: unknown, reqs: readonly Requirement[]): boolean {
  return reqs.every((r) => {
    const v = r.key
      .split('.')
      .reduce<unknown>(
        (o, k) =>
          o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined,
        doc,
      );
    return test(v === undefined || v === null ? undefined : String(v), r);
  });
}

function test(v: string | undefined, r: Requirement): boolean {
  switch (r.op) {
    case '=':
      return v === r.value;
    case '!=':
      return v !== r.value;
    case 'exists':
      return v !== undefined;
    case '!exists':
      return v === undefined;
  }
}
