import { describe, expect, it } from 'vitest';
import { roam } from './helpers.js';

// Port 9 (discard) refuses connections here: the error names the server the command used.
const NOWHERE = 'http://127.0.0.1:9';

describe('connection flags', () => {
  it.each([
    [['get', 'workloads', '--server', NOWHERE, '--token', 't']],
    [['--server', NOWHERE, '--token', 't', 'get', 'workloads']],
    [[`--server=${NOWHERE}`, '--token=t', 'get', 'workloads']],
  ])('reach the command wherever they stand, as kubectl takes them: %j', async (args) => {
    const r = await roam(args);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot reach the Roam server at ${NOWHERE}`);
  });

  it('still refuses them for commands that talk to no server', async () => {
    const r = await roam(['--server', NOWHERE, 'validate', '-f', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/roam validate: .*--server/);
  });
});
