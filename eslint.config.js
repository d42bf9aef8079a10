// ESLint checks what Biome cannot: the direction of dependencies between folders
// (docs/ARCHITECTURE.md, "Dependency rules"). Style and general lint are Biome's job.
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'process',
  'url',
  'worker_threads',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'web/dist/**',
      'coverage/**',
      'data/**',
      'web/src/routeTree.gen.ts',
    ],
  },
  { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
  layer(
    ['core/**/*.ts'],
    ['**/server/**', '**/web/**', '**/cli/**', '**/bench/**', ...nodeBuiltins],
    'core/ is pure and isomorphic: no I/O, no Node built-ins, no imports from server, web, cli or bench.',
  ),
  layer(
    ['server/**/*.ts'],
    ['**/web/**', '**/cli/**', '**/bench/**'],
    'server/ must not import web/, cli/ or bench/.',
  ),
  {
    ...layer(
      ['web/**/*.ts', 'web/**/*.tsx'],
      ['**/server/**', '**/cli/**', '**/bench/**', ...nodeBuiltins],
      'web/ runs in the browser: it may use core/ only.',
    ),
    // Tests run in Node, against the real Hono app in-process (WEB.md 2.2, convention 9).
    ignores: ['web/vite.config.ts', 'web/**/*.test.ts'],
  },
  {
    // The barrel `react-aria-components` pulls lazy components into the entry chunk (WEB.md 3.3);
    // deep imports only, and only in web/src/components/.
    files: ['web/src/**/*.ts', 'web/src/**/*.tsx'],
    ignores: ['web/src/components/**', 'web/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react-aria-components', message: 'Use deep imports, in web/src/components/ only.' },
          ],
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', '**/bench/**', ...nodeBuiltins],
              message: 'web/ runs in the browser: it may use core/ only.',
            },
            {
              group: ['react-aria-components/*'],
              message: 'Only web/src/components/ imports react-aria-components.',
            },
            { group: ['@hono/zod-openapi'], message: 'Never in the browser (93 KB gz).' },
          ],
        },
      ],
    },
  },
  {
    files: ['web/src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react-aria-components', message: 'Use deep imports: react-aria-components/Button.' },
          ],
          patterns: [
            {
              group: ['**/server/**', '**/cli/**', '**/bench/**', '@hono/zod-openapi', ...nodeBuiltins],
              message: 'web/ runs in the browser: it may use core/ only.',
            },
          ],
        },
      ],
    },
  },
  layer(['cli/**/*.ts'], ['**/web/**', '**/bench/**'], 'cli/ must not import web/ or bench/.'),
);
