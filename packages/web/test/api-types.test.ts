import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const script = new URL('../scripts/gen-api-types.js', import.meta.url).pathname;

describe('src/api/openapi.gen.ts', () => {
  it("matches the server's OpenAPI description (else: npm run gen:api -w @roam/web)", () => {
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
