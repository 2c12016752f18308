import { defineConfig } from 'vitest/config';

// Tests run against TypeScript sources: the "source" export condition maps each
// workspace package to its src/index.ts, so no build is needed before `npm test`.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'bench/src/**/*.test.ts',
    ],
    pool: 'threads',
  },
});
