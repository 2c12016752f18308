import { describe, expect, it } from 'vitest';
import { locateCauses, parseYaml } from '../src/model/yaml-errors.js';

const WORKLOAD = `apiVersion: roam.dev/v1alpha1
kind: Workload
metadata:
  name: train
  labels:
    roam.dev/team: nlp
spec:
  queue: nlp
  template:
    gpu: 1.5
    cpu: 8
  nodePools:
    - a100
    - 7
`;

describe('locateCauses', () => {
  it("puts each of the server's field errors at its key's line", () => {
    const got = locateCauses(WORKLOAD, [
      {
        field: 'spec.template.gpu',
        message: 'a GPU request is a whole number of GPUs or a fraction below 1, got 1.5',
      },
      { field: 'metadata.labels.roam.dev/team', message: 'bad label' },
      { field: 'spec.nodePools[1]', message: 'must be a non-empty string, got 7' },
      { field: 'metadata.name', message: 'taken' },
    ]);
    expect(got.map((e) => [e.line, e.exact])).toEqual([
      [10, true],
      [6, true],
      [14, true],
      [4, true],
    ]);
    expect(got[0]?.message).toContain('got 1.5');
  });

  it("points a missing field at its nearest parent's line, and a document error at line 1", () => {
    const got = locateCauses(WORKLOAD, [
      { field: 'spec.template.memory', message: 'is required' },
      { field: 'spec.capacity.market', message: 'is required' },
      { field: '', message: 'the document is empty' },
    ]);
    expect(got.map((e) => [e.line, e.exact])).toEqual([
      [9, false],
      [7, false],
      [1, true],
    ]);
  });
});

describe('parseYaml', () => {
  it('returns the document', () => {
    expect(parseYaml('a: 1\nb: [x]\n')).toEqual({ ok: true, value: { a: 1, b: ['x'] } });
  });

  it('gives syntax errors with their lines', () => {
    const r = parseYaml('a: 1\nb: [x\nc: 2\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.line).toBeGreaterThanOrEqual(2);
  });
});
