import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { example, roam } from './helpers.js';

describe('roam validate', () => {
  it('accepts the foundation documents with a one-line summary', async () => {
    const r = await roam(['validate', '-f', example('llama.yaml')]);
    expect(r).toEqual({
      code: 0,
      out: `valid: 2 documents (1 Queue, 1 Workload) in 1 file\n`,
      err: '',
    });
  });

  it('rejects gpu: 1.5 naming the file, the resource and the field, on stderr, exit 1', async () => {
    const bad = readFileSync(example('llama.yaml'), 'utf8').replace('gpu: 1\n', 'gpu: 1.5\n');
    const r = await roam(['validate', '-f', '-'], bad);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'stdin: Workload/llama-finetune: spec.template.gpu: a GPU request is a whole number of GPUs or a fraction below 1, got 1.5\n',
    );
  });

  it('prints every error, one per line, across files', async () => {
    const r = await roam(
      ['validate', '-f', '-', '-f', '/no/such/file.yaml'],
      'kind: Queue\nmetadata: {name: Q}\n',
    );
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      'stdin: Queue/Q: apiVersion: is required',
      `stdin: Queue/Q: metadata.name: must be lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, got "Q"`,
      'stdin: Queue/Q: spec: is required',
      '/no/such/file.yaml: cannot read: no such file',
    ]);
  });

  it('asks for files when given none', async () => {
    const r = await roam(['validate']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('no files given');
  });
});

describe('roam', () => {
  it('lists its commands', async () => {
    const r = await roam(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/validate\s+check resource files/);
  });

  it('refuses an unknown command and an unknown flag', async () => {
    expect((await roam(['frobnicate'])).code).toBe(2);
    const r = await roam(['validate', '--frob']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Unknown option '--frob'");
  });
});
