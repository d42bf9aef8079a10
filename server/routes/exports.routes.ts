import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Api, AppDeps } from '../app/env';
import { EXPORT_FORMATS, type ExportedFile } from '../services/export.service';
import { actorOf } from './context';
import { idParams, route } from './openapi';

const text = (description: string) => ({
  description,
  content: {
    'application/yaml': { schema: z.string() },
    'text/csv': { schema: z.string() },
    'text/markdown': { schema: z.string() },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().openapi({ format: 'binary' }),
    },
  },
});

const exportCycle = route({
  method: 'get',
  path: '/api/v1/cycles/{id}/export',
  tags: ['cycles'],
  summary:
    "A cycle's goals as a goals file (`yaml`, read by `tandem score` and `tandem lint`), a spreadsheet (`csv`, or an `xlsx` workbook that `tandem import` reads back) or a Markdown document (`md`): what the viewer may see, optionally one unit's subtree",
  request: {
    params: idParams,
    query: z.object({
      format: z.enum(EXPORT_FORMATS).optional().openapi({ description: 'default yaml' }),
      unit: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'only this unit and the units below it' }),
    }),
  },
  responses: { 200: text('The document, as an attachment') },
});

const exportWorkspace = route({
  method: 'get',
  path: '/api/v1/export',
  tags: ['cycles'],
  summary:
    "Every cycle's goals, oldest first, in one document: `yaml` as a stream of goals files (one per cycle, `---` between them, that `POST /imports` reads whole), `csv` with a Cycle column first, an `xlsx` workbook with a sheet per cycle, or `md`; what the viewer may see, optionally one unit's subtree in each",
  request: {
    query: z.object({
      format: z.enum(EXPORT_FORMATS).optional().openapi({ description: 'default yaml' }),
      unit: z
        .string()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: 'only this unit and the units below it' }),
    }),
  },
  responses: { 200: text('The document, as an attachment') },
});

/** Exports of a cycle, or of every cycle. */
export function registerExportRoutes(app: Api, deps: AppDeps): void {
  const { exports } = deps.services;
  app.openapi(exportCycle, async (c) => {
    const query = c.req.valid('query');
    const file = await exports.cycle(actorOf(c), {
      cycle: c.req.valid('param').id,
      format: query.format ?? 'yaml',
      ...(query.unit ? { unitId: query.unit } : {}),
    });
    return attachment(c, file);
  });
  app.openapi(exportWorkspace, async (c) => {
    const query = c.req.valid('query');
    const file = await exports.workspace(actorOf(c), {
      format: query.format ?? 'yaml',
      ...(query.unit ? { unitId: query.unit } : {}),
    });
    return attachment(c, file);
  });
}

/**
 * The exported document as a download, streamed as it is written (a large cycle's goals file goal
 * by goal): everything that can fail (the cycle, the unit, reading the goals) is done before the
 * first byte, so an error still answers with its status.
 */
function attachment(c: Context, file: ExportedFile) {
  c.header('Content-Type', file.contentType);
  c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
  c.header('Cache-Control', 'no-store');
  const pieces = file.chunks()[Symbol.iterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(typeof next.value === 'string' ? encoder.encode(next.value) : next.value);
    },
    cancel() {
      pieces.return?.();
    },
  });
  return c.body(stream, 200);
}
