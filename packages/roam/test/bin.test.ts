import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { example } from '../../cli/test/helpers.js';

const bin = new URL('../bin/roam.js', import.meta.url).pathname;

describe('the roam binary (built)', () => {
  it('validates from the command line with the right exit codes', () => {
    expect(
      execFileSync(process.execPath, [bin, 'validate', '-f', example('llama.yaml')], {
        encoding: 'utf8',
      }),
    ).toContain('valid: 2 documents');
    const bad = spawnSync(process.execPath, [bin, 'validate', '-f', '-'], {
      input:
        'apiVersion: roam.dev/v1alpha1\nkind: Workload\nmetadata: {name: w}\nspec: {queue: q, template: {gpu: 1.5}}\n',
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'stdin: Workload/w: spec.template.gpu: a GPU request is a whole number of GPUs or a fraction below 1, got 1.5\n',
    );
  });
});
