import type { FieldError } from './errors.js';
import type { FieldReader } from './reader.js';

/** The API group and version of every Roam resource. */
export const API_VERSION = 'roam.dev/v1alpha1';

/** Standard object metadata, as in Kubernetes. */
export interface ObjectMeta {
  /** Unique within its kind (and namespace): lowercase letters, digits and '-', at most 63. */
  name: string;
  /** Optional grouping; Roam's access control works on queues, not namespaces. */
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Set by the server; a stale value on update is a conflict. */
  resourceVersion?: string;
  /** Set by the server. */
  uid?: string;
  /** Set by the server, RFC 3339. */
  creationTimestamp?: string;
}

/** A resource document: what users write in YAML or JSON. */
export interface Resource<Kind extends string, Spec, Status = unknown> {
  apiVersion: typeof API_VERSION;
  kind: Kind;
  metadata: ObjectMeta;
  spec: Spec;
  status?: Status;
}

/** A DNS-1123 label: the shape of every Roam resource name. */
export const NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const NAME_RULE = {
  pattern: NAME_PATTERN,
  patternText:
    "must be lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
};

/** Reads and checks `metadata`. */
export function readMetadata(root: FieldReader, errors: FieldError[]): ObjectMeta | undefined {
  const m = root.object('metadata', true);
  if (!m) return undefined;
  const name = m.string('name', { required: true, ...NAME_RULE });
  const namespace = m.string('namespace', NAME_RULE);
  const labels = m.stringMap('labels') ?? {};
  const annotations = readAnnotations(m, errors);
  const resourceVersion = m.string('resourceVersion');
  const uid = m.string('uid');
  const creationTimestamp = m.string('creationTimestamp');
  // Server-managed fields a client may echo back; accepted and ignored.
  m.raw('generation');
  m.raw('managedFields');
  m.rejectUnknown();
  if (name === undefined) return undefined;
  const meta: ObjectMeta = { name, labels, annotations };
  if (namespace !== undefined) meta.namespace = namespace;
  if (resourceVersion !== undefined) meta.resourceVersion = resourceVersion;
  if (uid !== undefined) meta.uid = uid;
  if (creationTimestamp !== undefined) meta.creationTimestamp = creationTimestamp;
  return meta;
}

function readAnnotations(m: FieldReader, errors: FieldError[]): Record<string, string> {
  const v = m.raw('annotations');
  if (v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) {
    errors.push({ path: m.at('annotations'), reason: 'must be a map of strings' });
    return {};
  }
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (typeof val !== 'string')
      errors.push({ path: `${m.at('annotations')}.${k}`, reason: 'must be a string' });
    else out[k] = val;
  }
  return out;
}
