import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folder dependency rules of docs/ARCHITECTURE.md, as ESLint enforces them. The snippets are
 * files of no TypeScript project, so the type-aware rules (checked by `npm run lint`) are off here.
 */
const eslint = new ESLint({
  cwd: new URL('..', import.meta.url).pathname,
  overrideConfig: {
    languageOptions: { parserOptions: { project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/switch-exhaustiveness-check': 'off',
    },
  },
});

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('dependency rules', () => {
  it.each([
    ['core/x.ts', "import { readFileSync } from 'node:fs';"],
    ['core/x.ts', "import { readFileSync } from 'fs';"],
    ['core/x.ts', "import { main } from '../cli/main';"],
    ['core/sub/x.ts', "import { db } from '../../server/db/connection';"],
    ['server/x.ts', "import { main } from '../cli/main';"],
    ['web/x.tsx', "import { db } from '../server/db/connection';"],
    ['cli/x.ts', "import { App } from '../web/app/app';"],
    // core/: nothing with I/O.
    ['core/x.ts', "import pg from 'pg';"],
    ['core/x.ts', "import Database from 'better-sqlite3';"],
    ['core/x.ts', "import { sql } from 'kysely';"],
    ['core/x.ts', "import { Hono } from 'hono';"],
    ['core/x.ts', "import { z } from '@hono/zod-openapi';"],
    ['core/x.ts', "import pino from 'pino';"],
    // Handlers never reach repositories or the database.
    ['server/routes/x.routes.ts', "import { repositories } from '../repositories/index';"],
    ['server/routes/x.routes.ts', "import { openDatabase } from '../db/database';"],
    ['server/routes/x.routes.ts', "import type { Database } from '../db/schema';"],
    ['server/routes/x.routes.ts', "import { sql } from 'kysely';"],
    // Use cases never import HTTP or routes.
    ['server/services/x.service.ts', "import type { Context } from 'hono';"],
    ['server/services/x.service.ts', "import { z } from '@hono/zod-openapi';"],
    ['server/services/x.service.ts', "import { registerRoutes } from '../routes/index';"],
    ['server/services/x.service.ts', "import type { AppDeps } from '../app/env';"],
    ['server/auth/x.service.ts', "import { principalOf } from '../app/middleware';"],
    // Queries never call use cases.
    [
      'server/repositories/x.repository.ts',
      "import { ObjectiveService } from '../services/objective.service';",
    ],
    ['server/repositories/x.repository.ts', "import { allow } from '../policies/permissions';"],
    ['server/auth/x.repository.ts', "import { AccountService } from './account.service';"],
    // web/ reaches the server over HTTP only.
    ['web/src/features/x.tsx', "import type { Services } from '../../../server/services/index';"],
    ['web/src/x.ts', "import { readFileSync } from 'node:fs';"],
    // cli/ goes through services.
    ['cli/x.ts', "import { openDatabase } from '../server/db/database';"],
    ['cli/x.ts', "import { repositories } from '../server/repositories/index';"],
    ['cli/x.ts', "import { registerRoutes } from '../server/routes/index';"],
  ])('forbids %s: %s', async (file, code) => {
    expect([...new Set(await violations(file, code))]).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['core/x.ts', "import { z } from 'zod';"],
    ['server/x.ts', "import { Evaluator } from '../core/evaluate';"],
    ['cli/x.ts', "import { readFileSync } from 'node:fs';"],
    ['web/x.tsx', "import { Evaluator } from '../core/evaluate';"],
    ['server/routes/x.routes.ts', "import type { Actor } from '../services/context';"],
    ['server/routes/x.routes.ts', "import { z } from '@hono/zod-openapi';"],
    ['server/services/x.service.ts', "import { repositories } from '../repositories/index';"],
    ['server/services/x.service.ts', "import { AppError } from '../../core/errors';"],
    ['server/repositories/x.repository.ts', "import type { Database } from '../db/schema';"],
    ['server/repositories/x.repository.ts', "import { sql } from 'kysely';"],
    ['cli/x.ts', "import { openLocalServices } from '../server/services/local';"],
    ['cli/x.test.ts', "import { openDatabase } from '../server/db/database';"],
    ['server/routes/x.test.ts', "import { repositories } from '../repositories/index';"],
  ])('allows %s: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });

  it('compiles core/ with neither DOM nor Node types, web/ with DOM, server and CLI with Node', () => {
    const config = (path: string) =>
      JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')) as {
        compilerOptions: { lib?: string[]; types?: string[] };
        include: string[];
      };
    expect(config('core/tsconfig.json').compilerOptions).toMatchObject({ lib: ['ES2023'], types: [] });
    expect(config('web/tsconfig.json').compilerOptions.lib).toContain('DOM');
    expect(config('web/tsconfig.json').compilerOptions.types).not.toContain('node');
    const root = config('tsconfig.json');
    expect(root.compilerOptions.lib).toEqual(['ES2023']);
    expect(root.compilerOptions.types).toEqual(['node']);
    expect(root.include).toEqual(expect.arrayContaining(['server', 'cli']));
    expect(root.include).not.toContain('core');
    expect(root.include).not.toContain('web');
    const scripts = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    for (const project of ['core', 'web', 'e2e']) expect(scripts.typecheck).toContain(`-p ${project}`);
  });

  it.each([
    // Validated once: a route reads input only through its validator and passes it on as it is.
    ['server/routes/x.routes.ts', 'export const f = async (c: any) => s.create(await c.req.json());'],
    ['server/routes/x.routes.ts', "export const f = (c: any) => s.list(c.req.query('cycle'));"],
    ['server/routes/x.routes.ts', "export const f = (c: any) => s.get(c.req.param('id'));"],
    [
      'server/routes/x.routes.ts',
      "export const f = (c: any) => s.create(parseInput(schema, c.req.valid('json')));",
    ],
    [
      'server/routes/x.routes.ts',
      "export const f = (c: any) => s.create(markParsed(schema, { ...c.req.valid('json') }));",
    ],
    // A use case never parses again what its route parsed: accept(schema, input), not parseInput.
    ['server/services/x.service.ts', 'export const f = (input: unknown) => parseInput(schema, input);'],
    ['server/auth/x.service.ts', 'export const f = (input: unknown) => parseInput(schema, input);'],
    ['server/notify/x.service.ts', 'export const f = (input: unknown) => parseInput(schema, input);'],
  ])('forbids %s: %s', async (file, code) => {
    expect([...new Set(await violations(file, code))]).toEqual(['no-restricted-syntax']);
  });

  it.each([
    ['server/routes/x.routes.ts', "export const f = (c: any) => s.create(c.req.valid('json'));"],
    ['server/services/x.service.ts', 'export const f = (input: unknown) => accept(schema, input);'],
    ['cli/x.ts', 'export const f = (input: unknown) => parseInput(schema, input);'],
  ])('allows %s: %s', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });

  it('forbids a route to query the database through its dependencies', async () => {
    const code = 'export const ping = (deps: { db: { kysely: unknown } }) => deps.db.kysely;';
    expect(await violations('server/routes/x.routes.ts', code)).toEqual(['no-restricted-syntax']);
  });
});
