import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectFormat,
  loadTraceFile,
  parseTraceText,
  type TraceFormat,
} from '../../src/traces/index.js';
import { lines, traceErrorOf } from './helpers.js';

const KNOWN =
  'known headers: openb-nodes (sn,cpu_milli,memory_mib,gpu,model); ' +
  'openb-pods (name,cpu_milli,memory_mib,num_gpu,gpu_milli); ' +
  'philly-jobs (job_idx,vc,submit_s,duration_s,num_gpus); ' +
  'philly-vcs (vc,num_nodes,num_gpus); roam-jsonl (a JSON object or a # comment)';

describe('format detection', () => {
  it.each<[string, TraceFormat]>([
    ['sn,cpu_milli,memory_mib,gpu,model', 'openb-nodes'],
    ['sn,cpu_milli,memory_mib,gpu,model\r', 'openb-nodes'],
    ['\uFEFF"sn","cpu_milli","memory_mib","gpu","model"', 'openb-nodes'],
    [
      'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time',
      'openb-pods',
    ],
    ['name,cpu_milli,memory_mib,num_gpu,gpu_milli', 'openb-pods'],
    ['job_idx,vc,submit_time,submit_s,duration_s,num_gpus,gpu_time_s', 'philly-jobs'],
    ['vc,num_nodes,num_gpus', 'philly-vcs'],
    ['num_gpus,vc,num_nodes', 'philly-vcs'],
    ['{"submitSeconds": 0, "workload": {}}', 'roam-jsonl'],
    ['  # a Roam trace', 'roam-jsonl'],
  ])('%j is %s', (header, format) => {
    expect(detectFormat(header)).toBe(format);
  });

  it.each([
    ['machine_id,num_gpus', `"machine_id,num_gpus" is not a known trace header; ${KNOWN}`],
    ['', `"" is not a known trace header; ${KNOWN}`],
    [
      'vc,num_nodes,num_gpus,job_idx,submit_s,duration_s',
      `"vc,num_nodes,num_gpus,job_idx,submit_s,duration_s" matches several formats (philly-jobs, philly-vcs); ${KNOWN}`,
    ],
  ])('refuses %j', (header, message) => {
    expect(() => detectFormat(header)).toThrow(new Error(message));
  });
});

describe('parsing a file by its header', () => {
  it.each([
    ['openb nodes', lines('sn,cpu_milli,memory_mib,gpu,model', 'n,1000,1024,1,T4'), 'nodes'],
    [
      'openb pods',
      lines(
        'name,cpu_milli,memory_mib,num_gpu,gpu_milli,creation_time,deletion_time',
        'p,1,1,0,0,0,1',
      ),
      'jobs',
    ],
    ['Philly jobs', lines('job_idx,vc,submit_s,duration_s,num_gpus', '0,a,0,1,1'), 'jobs'],
    ['Philly VCs', lines('vc,num_nodes,num_gpus', 'a,1,8'), 'nodes'],
    ['Roam JSONL after blank lines', '\n\n# none\n', 'jobs'],
  ])('reads %s', (_name, text, property) => {
    expect(parseTraceText(text, 'f')).toHaveProperty(property);
  });

  it('passes options to the reader', () => {
    const nodes = parseTraceText(lines('sn,cpu_milli,memory_mib,gpu,model', 'n,1,1,1,T4'), 'f', {
      openbNodes: { pool: 'x' },
    });
    expect(nodes).toMatchObject({ pools: [{ name: 'x' }] });
    const jobs = parseTraceText(
      lines('job_idx,vc,submit_s,duration_s,num_gpus', '0,a,0,1,1'),
      'f',
      {
        phillyJobs: { queues: new Set(), otherQueue: 'rest' },
      },
    );
    expect(jobs).toMatchObject({ jobs: [{ workload: { queue: 'rest' } }] });
  });

  it.each([
    ['an empty file', ' \n\n', 'f.csv:1: header: the file is empty'],
    [
      'an unknown header',
      '\r\n\nid,x\n1,2\n',
      `f.csv:3: header: "id,x" is not a known trace header; ${KNOWN}`,
    ],
  ])('refuses %s', (_name, text, message) => {
    expect(traceErrorOf(() => parseTraceText(text, 'f.csv'))).toBe(message);
  });
});

describe('loading a file from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'roam-traces-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const text = lines('vc,num_nodes,num_gpus', 'a,1,8');

  it.each([
    ['plain', 'plain.csv', Buffer.from(text)],
    ['gzipped', 'gzipped.csv.gz', gzipSync(text)],
    ['gzipped without .gz in its name', 'gzipped.csv', gzipSync(text)],
  ])('reads a %s file', async (_name, name, bytes) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const spec = await loadTraceFile(path);
    expect(spec).toMatchObject({ source: path, queues: [{ name: 'a' }, { name: 'other' }] });
  });

  it('names the path in errors', async () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, lines('vc,num_nodes,num_gpus', 'a,1,9'));
    await expect(loadTraceFile(path)).rejects.toMatchObject({
      name: 'TraceError',
      message: `${path}:2: num_gpus: must be num_nodes × 8 = 8, got "9"`,
    });
  });
});
