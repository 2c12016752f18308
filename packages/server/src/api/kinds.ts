/** How the API exposes one kind of resource. */
export interface KindInfo {
  readonly kind: string;
  readonly plural: string;
  /** Whether clients may create, change and delete it (Nodes and Offerings are reported, not written). */
  readonly writable: boolean;
}

/** The resources under `/apis/roam.dev/v1alpha1/<plural>`. */
export const KINDS: readonly KindInfo[] = [
  { kind: 'Workload', plural: 'workloads', writable: true },
  { kind: 'Queue', plural: 'queues', writable: true },
  { kind: 'NodePool', plural: 'nodepools', writable: true },
  { kind: 'Colony', plural: 'colonies', writable: true },
  { kind: 'Node', plural: 'nodes', writable: false },
  { kind: 'Offering', plural: 'offerings', writable: false },
];

/** The kind served at a plural path segment. */
export function kindOfPlural(plural: string): KindInfo | undefined {
  return KINDS.find((k) => k.plural === plural.toLowerCase());
}

/** The API path prefix. */
export const API_PREFIX = '/apis/roam.dev/v1alpha1';
