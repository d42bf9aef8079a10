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
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', 'data/**'] },
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
  layer(
    ['web/**/*.ts', 'web/**/*.tsx'],
    ['**/server/**', '**/cli/**', '**/bench/**', ...nodeBuiltins],
    'web/ runs in the browser: it may use core/ only.',
  ),
  layer(['cli/**/*.ts'], ['**/web/**', '**/bench/**'], 'cli/ must not import web/ or bench/.'),
);
