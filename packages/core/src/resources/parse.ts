import { parseAllDocuments } from 'yaml';
import type { DocumentError, DocumentOrigin, FieldError } from './errors.js';
import { readColonySpec, type Colony } from './colony.js';
import { API_VERSION, readMetadata } from './meta.js';
import { readNodeStatus, type Node } from './node.js';
import { readNodePoolSpec, type NodePool } from './nodepool.js';
import { readQueueSpec, type Queue } from './queue.js';
import { FieldReader } from './reader.js';
import { readWorkloadSpec, type Workload } from './workload.js';

/** Any Roam resource document. */
export type AnyResource = Workload | Queue | NodePool | Node | Colony;
/** The kinds Roam understands. */
export type ResourceKind = AnyResource['kind'];
export const RESOURCE_KINDS: readonly ResourceKind[] = [
  'Workload',
  'Queue',
  'NodePool',
  'Node',
  'Colony',
];

/** The result of reading a stream of documents: every valid resource and every error. */
export interface ParseResult {
  resources: AnyResource[];
  errors: DocumentError[];
}

/**
 * Parses YAML (one or many `---`-separated documents) or JSON (one document, a list of
 * documents, or a `kind: List`) and validates every document. Nothing is thrown: every
 * problem is returned with the source, the document and the field it concerns.
 */
export function parseResources(text: string, source: string): ParseResult {
  const result: ParseResult = { resources: [], errors: [] };
  let index = 0;
  for (const doc of parseAllDocuments(text, { prettyErrors: true, uniqueKeys: true })) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const where = e.linePos?.[0]
          ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: `
          : '';
        const message = firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '');
        result.errors.push({ origin: { source, index }, path: '', reason: `${where}${message}` });
      }
      index++;
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue; // an empty document, e.g. a trailing `---`
    for (const item of expandLists(value)) {
      const { resource, errors } = validateResource(item, source, index);
      if (resource) result.resources.push(resource);
      result.errors.push(...errors);
      index++;
    }
  }
  return result;
}

function expandLists(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (
    value !== null &&
    typeof value === 'object' &&
    (value as { kind?: unknown }).kind === 'List'
  ) {
    const items = (value as { items?: unknown }).items;
    return Array.isArray(items) ? items : [];
  }
  return [value];
}

/** Validates one already-parsed document. */
export function validateResource(
  value: unknown,
  source: string,
  index = 0,
): { resource?: AnyResource; errors: DocumentError[] } {
  const fieldErrors: FieldError[] = [];
  const origin: { -readonly [K in keyof DocumentOrigin]: DocumentOrigin[K] } = { source, index };
  const located = (): DocumentError[] => fieldErrors.map((e) => ({ ...e, origin }));
  const root = FieldReader.of(value, '', fieldErrors);
  if (!root) return { errors: located() };
  const kind = root.string('kind', { required: true });
  if (kind !== undefined) origin.kind = kind;
  const metaName = peekName(value);
  if (metaName !== undefined) origin.name = metaName;
  root.string('apiVersion', {
    required: true,
    oneOf: [API_VERSION],
  });
  if (kind !== undefined && !(RESOURCE_KINDS as readonly string[]).includes(kind)) {
    fieldErrors.push({
      path: 'kind',
      reason: `must be one of ${RESOURCE_KINDS.join(', ')}, got ${JSON.stringify(kind)}`,
    });
    return { errors: located() };
  }
  const metadata = readMetadata(root, fieldErrors);
  const resource = readBody(kind as ResourceKind | undefined, root, fieldErrors, metadata?.name);
  root.rejectUnknown();
  if (fieldErrors.length > 0 || !metadata || !resource || kind === undefined)
    return { errors: located() };
  return {
    resource: { apiVersion: API_VERSION, kind, metadata, ...resource } as AnyResource,
    errors: [],
  };
}

function readBody(
  kind: ResourceKind | undefined,
  root: FieldReader,
  errors: FieldError[],
  name: string | undefined,
): { spec: unknown; status?: unknown } | undefined {
  switch (kind) {
    case 'Workload': {
      root.raw('status');
      const spec = readWorkloadSpec(root, errors);
      return spec && { spec };
    }
    case 'Queue': {
      root.raw('status');
      const spec = readQueueSpec(root, errors, name);
      return spec && { spec };
    }
    case 'NodePool': {
      root.raw('status');
      const spec = readNodePoolSpec(root, errors);
      return spec && { spec };
    }
    case 'Node': {
      const status = readNodeStatus(root, errors);
      return status && { spec: {}, status };
    }
    case 'Colony': {
      root.raw('status');
      const spec = readColonySpec(root, errors);
      return spec && { spec };
    }
    default:
      return undefined;
  }
}

function peekName(value: unknown): string | undefined {
  const meta = (value as { metadata?: unknown }).metadata;
  if (meta === null || typeof meta !== 'object') return undefined;
  const name = (meta as { name?: unknown }).name;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
