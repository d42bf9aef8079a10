import { z } from '@hono/zod-openapi';
import { CALIBRATION_CYCLES } from '../../core/calibration';
import type { Api, AppDeps } from '../app/env';
import { REPORT_FORMATS } from '../services/report-document';
import { actorOf } from './context';
import { errorResponse, idParams, json, route } from './openapi';
import { hiddenCountSchema, hiddenSummarySchema } from './schemas';

const band = z.enum(['red', 'yellow', 'green']).nullable();
const bands = z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int() });

const cycleReportSchema = z
  .object({
    cycle: z.object({ id: z.string(), name: z.string(), closedAt: z.number().nullable() }),
    objectives: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(['aspirational', 'committed']),
        unitId: z.string().nullable(),
        score: z.number().nullable(),
        grade: z.number().nullable(),
        band,
        decision: z.string().nullable(),
        learned: z.string().nullable(),
        successorId: z.string().nullable().openapi({
          description: 'The objective created by `continue`; null also when the viewer may not see it',
        }),
        keyResults: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            score: z.number().nullable(),
            grade: z.number().nullable(),
            band,
            mayBeTooSafe: z.boolean(),
            rootCauseTag: z.string().nullable(),
            rootCauseNote: z.string().nullable(),
          }),
        ),
      }),
    ),
    smartGoals: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        ownerId: z.string(),
        score: z.number().nullable(),
        grade: z.number().nullable(),
        band,
        rootCauseNote: z.string().nullable(),
      }),
    ),
    distribution: z.object({ objectives: bands, keyResults: bands, smartGoals: bands }),
    hiddenGoals: hiddenCountSchema("The cycle's objectives and SMART goals"),
    hiddenSummary: hiddenSummarySchema,
  })
  .openapi('CycleReport');

const calibrationSchema = z
  .object({
    scope: z.object({ unitId: z.string().nullable(), personId: z.string().nullable() }),
    cycles: z.array(z.object({ id: z.string(), name: z.string() })),
    ambition: z.object({
      value: z.number().nullable(),
      band: z.enum(['overreaching', 'ambitious', 'calibrated', 'too_safe']).nullable(),
      count: z.number().int(),
    }),
    commitment: z.object({ value: z.number().nullable(), count: z.number().int() }),
    confidence: z.object({ value: z.number().nullable(), count: z.number().int() }),
    hiddenGoals: hiddenCountSchema('KRs and SMART goals in scope, left out of every figure,'),
    hiddenSummary: hiddenSummarySchema,
  })
  .openapi('Calibration');

const report = route({
  method: 'get',
  path: '/api/v1/cycles/{id}/report',
  tags: ['cycles'],
  summary:
    "A closed cycle's report: grades, their distribution, root causes, decisions and lessons, as JSON or, with `format`, as a document to download: Markdown (`md`), one self-contained HTML file (`html`) or a PDF (`pdf`), with calibration and charts",
  request: {
    params: idParams,
    query: z.object({
      format: z
        .enum(REPORT_FORMATS)
        .optional()
        .openapi({ description: 'a document (md, html or pdf) as an attachment instead of JSON' }),
    }),
  },
  responses: {
    200: {
      description: 'The report (JSON), or the document',
      content: {
        'application/json': { schema: cycleReportSchema },
        'text/markdown': { schema: z.string() },
        'text/html': { schema: z.string() },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    409: errorResponse('`conflict`: the cycle is not closed yet'),
  },
});

const calibration = route({
  method: 'get',
  path: '/api/v1/calibration',
  tags: ['calibration'],
  summary:
    'Ambition, commitment reliability and confidence calibration over the last closed cycles: `?unit=` or, privately, `?person=`',
  request: {
    query: z.object({
      unit: z.string().min(1).max(100).optional(),
      person: z.string().min(1).max(100).optional(),
      cycles: z.coerce.number().int().min(1).max(20).optional(),
    }),
  },
  responses: { 200: json(calibrationSchema, 'Calibration') },
});

/** Cycle reports and calibration. */
export function registerReportRoutes(app: Api, deps: AppDeps): void {
  const { reports } = deps.services;
  app.openapi(report, async (c) => {
    const { format } = c.req.valid('query');
    const id = c.req.valid('param').id;
    if (!format) return c.json(await reports.cycleReport(actorOf(c), id), 200);
    const file = await reports.cycleDocument(actorOf(c), { cycle: id, format });
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    c.header('Cache-Control', 'no-store');
    return typeof file.body === 'string'
      ? c.body(file.body, 200)
      : c.body(file.body as Uint8Array<ArrayBuffer>, 200);
  });
  app.openapi(calibration, async (c) => {
    const query = c.req.valid('query');
    const result = await reports.calibration(actorOf(c), {
      unitId: query.unit,
      personId: query.person,
      cycles: query.cycles ?? CALIBRATION_CYCLES,
    });
    return c.json(result, 200);
  });
}
