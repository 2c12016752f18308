import { stringify } from 'yaml';
import type { WorkloadDoc } from '../api/types.js';

/** A starting point for a new workload in `queue`. */
export function newWorkloadYaml(queue: string): string {
  return stringify({
    apiVersion: 'roam.dev/v1alpha1',
    kind: 'Workload',
    metadata: { name: 'my-training-run' },
    spec: {
      queue,
      class: 'training',
      replicas: 1,
      template: { gpu: 1, cpu: 8, memory: '32Gi' },
      checkpoint: { intervalMinutes: 15 },
      expectedDuration: '2h',
    },
  });
}

/**
 * A workload as YAML to edit and apply again: what the client wrote, without the status
 * and server-set metadata, but with `resourceVersion`, so applying it fails (409) if
 * someone changed it meanwhile.
 */
export function editableYaml(doc: WorkloadDoc): string {
  const { uid: _uid, creationTimestamp: _created, ...metadata } = doc.metadata;
  return stringify({ apiVersion: doc.apiVersion, kind: doc.kind, metadata, spec: doc.spec });
}
