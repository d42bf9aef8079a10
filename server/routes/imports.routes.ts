import { z } from '@hono/zod-openapi';
import { AppError } from '../../core/errors';
import type { Api, AppDeps } from '../app/env';
import { importSchema } from '../services/import.service';
import { actorOf } from './context';
import { json, jsonBody, route } from './openapi';

const problemSchema = z.object({
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  path: z.string(),
  message: z.string(),
});

const importResultSchema = z
  .object({
    isDryRun: z.boolean(),
    isApplied: z.boolean(),
    cycle: z
      .string()
      .nullable()
      .openapi({ description: 'the cycle imported into (several: comma-separated)' }),
    cycles: z
      .array(z.string())
      .openapi({ description: 'every cycle imported into, in the order of the files' }),
    problems: z.array(problemSchema),
    isFileError: z.boolean(),
    summary: z.object({
      create: z.number().int(),
      update: z.number().int(),
      unchanged: z.number().int(),
      checkIns: z.number().int(),
      skipped: z
        .number()
        .int()
        .openapi({ description: 'rows (or goals of a goals file) left out by `skipInvalid`' }),
    }),
    items: z.array(
      z.object({
        type: z.enum(['cycle', 'person', 'unit', 'objective', 'key_result', 'smart_goal']),
        key: z.string(),
        title: z.string(),
        action: z.enum(['create', 'update', 'unchanged']),
        changes: z.array(z.string()),
        cycle: z.string().optional().openapi({ description: 'the cycle, when the import holds several' }),
      }),
    ),
    skipped: z
      .array(
        problemSchema.extend({
          key: z.string().optional().openapi({ description: 'the goal left out, when the row made one' }),
          title: z.string().optional(),
        }),
      )
      .openapi({
        description:
          'with `skipInvalid`: each problem of the rows left out (file, row or line, column, reason); a row may have several',
      }),
  })
  .openapi('ImportResult');

const importGoals = route({
  method: 'post',
  path: '/api/v1/imports',
  tags: ['imports'],
  summary:
    'Import goals files (YAML, SPEC 9), CSV and workbooks idempotently by key: a plan of what is created, updated or left alone (`dryRun`), or the import itself, in one transaction. Any problem (with file, line and column) is a 400 and nothing is written, unless `skipInvalid`: then the rows with problems are left out and listed in `skipped` (a 200), and only problems of no row (an unreadable file, no cycle) are a 400',
  request: { body: jsonBody(importSchema, 'ImportInput') },
  responses: { 200: json(importResultSchema, 'What was (or, for a dry run, would be) done') },
});

/** Imports of goals files. */
export function registerImportRoutes(app: Api, deps: AppDeps): void {
  const { imports } = deps.services;
  app.openapi(importGoals, async (c) => {
    const result = await imports.goalsFiles(actorOf(c), c.req.valid('json'));
    if (result.problems.length > 0) {
      const first = result.problems[0]!;
      throw new AppError(
        'validation',
        `${result.problems.length} problem(s); the first: ${first.file}:${first.line}:${first.column}: ${first.message}`,
        {
          issues: result.problems
            .slice(0, 200)
            .map((p) => ({ path: `${p.file}:${p.line}:${p.column} ${p.path}`, message: p.message })),
          problems: result.problems.slice(0, 1000),
        },
      );
    }
    return c.json(result, 200);
  });
}
