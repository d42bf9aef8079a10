import { z } from 'zod';
import { type ReportInput, reportHtml, reportMarkdown } from '../../core/report/document';
import { formatDate } from '../../core/time';
import type { Actor, ServiceDeps } from './context';
import { getCycleByIdOrName } from './goal-access';
import type { CycleReport } from './report.service';
import { reportPdf } from './report-pdf';
import { openSession } from './session';

/** The formats a cycle report comes in as a document. */
export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Input of a report document: a closed cycle (id or name) and a format. */
export const reportDocumentSchema = z
  .object({
    cycle: z.string().trim().min(1).max(100).describe('cycle id or name, such as 2026-Q4'),
    format: z.enum(REPORT_FORMATS).default('md'),
  })
  .strict();

/** A report document: Markdown or HTML text, or a PDF's bytes. */
export interface ReportDocument {
  filename: string;
  contentType: string;
  body: string | Uint8Array;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/**
 * A closed cycle's report (SPEC 7) as a document to keep or send: grades, their distribution,
 * calibration of this cycle's visible goals (aggregates only, SPEC 8), lessons and decisions, and
 * charts (SVG in Markdown and HTML, vectors in the PDF). Exactly what the viewer's JSON report shows.
 */
export async function cycleReportDocument(
  deps: ServiceDeps,
  report: (actor: Actor, cycleId: string) => Promise<CycleReport>,
  actor: Actor,
  data: z.input<typeof reportDocumentSchema>,
): Promise<ReportDocument> {
  const session = await openSession(deps, deps.db.kysely, actor);
  const format = data.format ?? 'md';
  const cycle = await getCycleByIdOrName(session, data.cycle.trim());
  const json = await report(actor, cycle.id);
  const { repos } = session;
  const [workspace, people, units] = await Promise.all([
    repos.workspaces.find(actor.workspaceId),
    repos.people.list(actor.workspaceId),
    repos.units.list(actor.workspaceId),
  ]);
  const personName = new Map(people.map((p) => [p.id, p.name || p.email]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const document: ReportInput = {
    workspace: workspace?.name ?? 'Tandem',
    cycle: {
      name: json.cycle.name,
      closedOn:
        json.cycle.closedAt === null ? null : formatDate(json.cycle.closedAt, session.settings.timeZone),
    },
    objectives: json.objectives.map((o) => ({
      ...o,
      unit: o.unitId ? (unitName.get(o.unitId) ?? null) : null,
    })),
    smartGoals: json.smartGoals.map((g) => ({ ...g, owner: personName.get(g.ownerId) ?? '' })),
    distribution: json.distribution,
    hiddenSummary: json.hiddenSummary,
  };
  const slug = `${workspace?.name ?? 'tandem'}-${json.cycle.name}-report`
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  const body =
    format === 'md'
      ? reportMarkdown(document)
      : format === 'html'
        ? reportHtml(document)
        : await reportPdf(document);
  return { filename: `${slug}.${format}`, contentType: CONTENT_TYPES[format], body };
}
