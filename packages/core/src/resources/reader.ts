import { describe, type Parsed } from '../units.js';
import type { FieldError } from './errors.js';

/** Options for reading a string field. */
export interface StringRule {
  required?: boolean;
  /** The value must match this pattern; `patternText` says what it means. */
  pattern?: RegExp;
  patternText?: string;
  /** The value must be one of these. */
  oneOf?: readonly string[];
}

/** Options for reading a number field. */
export interface NumberRule {
  required?: boolean;
  integer?: boolean;
  min?: number;
  max?: number;
}

/**
 * Reads the fields of one object of an untyped document, recording an error with the
 * field's full path for every value it refuses, and for every field nobody read (a
 * misspelt field is an error, not a silent default).
 */
export class FieldReader {
  private readonly seen = new Set<string>();

  private constructor(
    private readonly obj: Record<string, unknown>,
    /** Path of this object, e.g. `spec.template`; empty at the document root. */
    readonly path: string,
    private readonly errors: FieldError[],
  ) {}

  /**
   * A reader over `value`, or undefined (with an error recorded) when `value` is not an
   * object.
   */
  static of(value: unknown, path: string, errors: FieldError[]): FieldReader | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      errors.push({ path, reason: `must be an object, got ${describe(value)}` });
      return undefined;
    }
    return new FieldReader(value as Record<string, unknown>, path, errors);
  }

  /** The full path of a field of this object. */
  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** Records an error on a field of this object. */
  error(key: string, reason: string): void {
    this.errors.push({ path: this.at(key), reason });
  }

  /** Whether the field is present (not undefined or null). */
  has(key: string): boolean {
    const v = this.obj[key];
    return v !== undefined && v !== null;
  }

  /** The raw value of a field, marking it read. */
  raw(key: string): unknown {
    this.seen.add(key);
    const v = this.obj[key];
    return v === null ? undefined : v;
  }

  private present(key: string, required: boolean | undefined): unknown {
    const v = this.raw(key);
    if (v === undefined && required) this.error(key, 'is required');
    return v;
  }

  string(key: string, rule: StringRule = {}): string | undefined {
    const v = this.present(key, rule.required);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return this.refuse(key, `must be a string, got ${describe(v)}`);
    if (rule.required && v.length === 0) return this.refuse(key, 'must not be empty');
    if (rule.pattern && !rule.pattern.test(v))
      return this.refuse(
        key,
        `${rule.patternText ?? `must match ${rule.pattern}`}, got ${JSON.stringify(v)}`,
      );
    if (rule.oneOf && !rule.oneOf.includes(v))
      return this.refuse(key, `must be one of ${rule.oneOf.join(', ')}, got ${JSON.stringify(v)}`);
    return v;
  }

  number(key: string, rule: NumberRule = {}): number | undefined {
    const v = this.present(key, rule.required);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
      return this.refuse(key, `must be a number, got ${describe(v)}`);
    if (rule.integer && !Number.isInteger(v))
      return this.refuse(key, `must be a whole number, got ${v}`);
    if (rule.min !== undefined && v < rule.min)
      return this.refuse(key, `must be at least ${rule.min}, got ${v}`);
    if (rule.max !== undefined && v > rule.max)
      return this.refuse(key, `must be at most ${rule.max}, got ${v}`);
    return v;
  }

  boolean(key: string, required = false): boolean | undefined {
    const v = this.present(key, required);
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean')
      return this.refuse(key, `must be true or false, got ${describe(v)}`);
    return v;
  }

  /** A field converted by a unit parser such as `parseMemoryMiB`. */
  parsed<T>(key: string, parse: (value: unknown) => Parsed<T>, required = false): T | undefined {
    const v = this.present(key, required);
    if (v === undefined) return undefined;
    const result = parse(v);
    if (!result.ok) return this.refuse(key, result.reason);
    return result.value;
  }

  /** A list of strings, each optionally checked by `rule`. */
  stringList(
    key: string,
    rule: Omit<StringRule, 'required'> & { required?: boolean } = {},
  ): string[] | undefined {
    const v = this.present(key, rule.required);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.refuse(key, `must be a list of strings, got ${describe(v)}`);
    const out: string[] = [];
    v.forEach((item, i) => {
      const path = `${this.at(key)}[${i}]`;
      if (typeof item !== 'string' || item.length === 0) {
        this.errors.push({ path, reason: `must be a non-empty string, got ${describe(item)}` });
      } else if (rule.oneOf && !rule.oneOf.includes(item)) {
        this.errors.push({
          path,
          reason: `must be one of ${rule.oneOf.join(', ')}, got ${JSON.stringify(item)}`,
        });
      } else if (rule.pattern && !rule.pattern.test(item)) {
        this.errors.push({
          path,
          reason: `${rule.patternText ?? `must match ${rule.pattern}`}, got ${JSON.stringify(item)}`,
        });
      } else {
        out.push(item);
      }
    });
    return out;
  }

  /** A map of string keys to string values (labels, selectors). */
  stringMap(key: string): Record<string, string> | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (typeof v !== 'object' || Array.isArray(v))
      return this.refuse(key, `must be a map of strings, got ${describe(v)}`);
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (!LABEL_KEY.test(k))
        this.errors.push({ path: `${this.at(key)}.${k}`, reason: 'is not a valid label key' });
      else if (typeof val !== 'string' || !LABEL_VALUE.test(val))
        this.errors.push({
          path: `${this.at(key)}.${k}`,
          reason: `must be a label value (up to 63 letters, digits, '-', '_' or '.'), got ${describe(val)}`,
        });
      else out[k] = val;
    }
    return out;
  }

  /** A nested object. */
  object(key: string, required = false): FieldReader | undefined {
    const v = this.present(key, required);
    if (v === undefined) return undefined;
    return FieldReader.of(v, this.at(key), this.errors);
  }

  /** A list of objects, one reader per element. */
  objectList(key: string, required = false): FieldReader[] | undefined {
    const v = this.present(key, required);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.refuse(key, `must be a list, got ${describe(v)}`);
    const out: FieldReader[] = [];
    v.forEach((item, i) => {
      const r = FieldReader.of(item, `${this.at(key)}[${i}]`, this.errors);
      if (r) out.push(r);
    });
    return out;
  }

  /** Records an error for every field of this object that nobody read. */
  rejectUnknown(): void {
    const known = [...this.seen];
    for (const key of Object.keys(this.obj)) {
      if (this.seen.has(key)) continue;
      const guess = closest(key, known);
      this.error(key, `unknown field${guess !== undefined ? `; did you mean ${guess}?` : ''}`);
    }
  }

  private refuse(key: string, reason: string): undefined {
    this.error(key, reason);
    return undefined;
  }
}

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;

/** The known name closest to `word` by edit distance, when it is close enough to be a typo. */
function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
