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

/** Packages that do I/O (databases, HTTP, logs): never in core/. */
const ioPackages = [
  'pg',
  'better-sqlite3',
  'kysely',
  'kysely/*',
  'hono',
  'hono/*',
  '@hono/*',
  'pino',
  'pino/*',
];
/** What server/ never imports. */
const outsideServer = ['**/web/**', '**/cli/**', '**/bench/**'];
/** The HTTP layer: hono and the app, routes and node server folders. */
const http = ['hono', 'hono/*', '@hono/*', '**/app/**', '**/routes/**', '**/http/**'];
const tests = ['**/*.test.ts'];

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
  // Type-aware rules (each file checked against its own TypeScript project): a promise nobody
  // awaits hides its failure, and a switch over a union must name every member.
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './core/tsconfig.json', './web/tsconfig.json', './e2e/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  layer(
    ['core/**/*.ts'],
    ['**/server/**', '**/web/**', '**/cli/**', '**/bench/**', ...nodeBuiltins, ...ioPackages],
    'core/ is pure and isomorphic: no I/O (no Node built-ins, pg, better-sqlite3, kysely, hono, pino), no imports from server, web, cli or bench.',
  ),
  layer(['server/**/*.ts'], outsideServer, 'server/ must not import web/, cli/ or bench/.'),
  // Handlers (routes) call services: they never reach repositories or the database.
  {
    ...layer(
      ['server/routes/**/*.ts'],
      [...outsideServer, '**/repositories/**', '**/db/**', 'kysely', 'pg', 'better-sqlite3'],
      'routes are thin: read input, call one service, map, return; never a repository or the database.',
    ),
    ignores: tests,
  },
  {
    files: ['server/routes/**/*.ts'],
    ignores: tests,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='kysely']",
          message: 'routes never query the database: add a service method.',
        },
        // Validated once: a route reads its input only as its OpenAPI validator parsed it.
        {
          selector:
            "CallExpression[callee.object.property.name='req'][callee.property.name=/^(json|query|queries|param|parseBody|text|formData|arrayBuffer|blob)$/]",
          message:
            "read input with c.req.valid(...): the route's schema validates it once (docs/ARCHITECTURE.md, Validation).",
        },
        {
          selector: 'CallExpression[callee.name=/^(parseInput|accept|markParsed)$/]',
          message:
            'routes pass c.req.valid(...) to the service as it is; jsonBody marks the body parsed (docs/ARCHITECTURE.md, Validation).',
        },
      ],
    },
  },
  // Use cases (services, auth) know nothing of HTTP: they throw AppError, the app maps it.
  {
    ...layer(
      ['server/services/**/*.ts', 'server/auth/**/*.ts'],
      [...outsideServer, ...http],
      'use cases never import HTTP (hono, server/app, routes, http): they throw AppError.',
    ),
    ignores: tests,
  },
  // Validated once: a use case validates its input with accept(schema, input), which returns a
  // body the route already parsed as it is; parseInput (always parsing) is for other boundaries.
  {
    files: ['server/services/**/*.ts', 'server/auth/**/*.ts', 'server/notify/**/*.ts'],
    ignores: [...tests, 'server/services/validate.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.name=/^(parseInput|markParsed)$/]',
          message:
            'a use case validates with accept(schema, input), so a request its route parsed is not parsed again (docs/ARCHITECTURE.md, Validation).',
        },
      ],
    },
  },
  // Queries (repositories) never call use cases or the HTTP layer.
  {
    ...layer(
      ['server/repositories/**/*.ts', 'server/**/*.repository.ts'],
      [...outsideServer, ...http, '**/services/**', '**/*.service', '**/*.service.ts', '**/policies/**'],
      'repositories are queries: they never call use cases (services, policies) or HTTP.',
    ),
    ignores: tests,
  },
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
  // The CLI goes through the services (server/services/local.ts on a database), never below them.
  {
    ...layer(
      ['cli/**/*.ts'],
      ['**/web/**', '**/bench/**', '**/server/db/**', '**/server/repositories/**', '**/server/routes/**'],
      'cli/ goes through services (server/services/local.ts), never server/db, repositories or routes.',
    ),
    ignores: tests,
  },
);
