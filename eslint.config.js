// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports that would give packages/core I/O, clocks, timers or randomness. */
const impureModules = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'dgram',
  'dns',
  'os',
  'process',
  'timers',
  'timers/promises',
  'perf_hooks',
  'crypto',
  'readline',
  'cluster',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Tests read untyped JSON replies from the API.
    files: ['**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The core is pure: data in, decisions out. No I/O, no clock, no timers, no randomness
    // except the Rng passed in. This rule is the package boundary ARCHITECTURE.md asks for.
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'packages/core is pure: no Node.js built-in modules.' },
            ...impureModules.map((name) => ({
              group: [name],
              message: 'packages/core is pure: no I/O, clocks, timers or randomness.',
            })),
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'setTimeout',
          'setInterval',
          'setImmediate',
          'queueMicrotask',
          'fetch',
          'process',
          'performance',
          'require',
        ].map((name) => ({
          name,
          message: `packages/core is pure: ${name} is not allowed; take it as input.`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Date'][property.name='now']",
          message: 'packages/core is pure: take `now` as a parameter instead of Date.now().',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'packages/core is pure: take `now` as a parameter instead of new Date().',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'packages/core is pure: use the Rng passed in instead of Math.random().',
        },
      ],
    },
  },
);
