import { type ReportCalibration, reportCalibration } from '../../../../core/report/document';
import type { Schema } from '../../api/client';

/** A closed cycle's report as the API answers it (`GET /cycles/{id}/report`). */
export type CycleReport = Schema<'CycleReport'>;

/** The document formats the API writes, with what a download button says. */
export const REPORT_FORMATS = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'pdf', label: 'PDF' },
] as const;

/** Where the API serves a cycle's report as a document (an attachment). */
export const reportDocumentUrl = (cycleId: string, format: (typeof REPORT_FORMATS)[number]['format']) =>
  `/api/v1/cycles/${encodeURIComponent(cycleId)}/report?format=${format}`;

/**
 * The calibration of this cycle's visible goals, computed as the report documents do
 * (core/report): aggregates only, never a person's (SPEC 3.8 and 8).
 */
export const cycleCalibration = (report: CycleReport): ReportCalibration => reportCalibration(report);

/** One goal that fell short, with the root cause its lead gave at close-out. */
export interface RootCause {
  id: string;
  type: 'key_result' | 'smart_goal';
  title: string;
  objective: string | null;
  grade: number | null;
  tag: string | null;
  note: string | null;
}

/** Every KR and SMART goal with a root-cause tag or note, in the report's order. */
export function rootCauses(report: CycleReport): RootCause[] {
  const causes: RootCause[] = [];
  for (const o of report.objectives)
    for (const kr of o.keyResults)
      if (kr.rootCauseTag || kr.rootCauseNote)
        causes.push({
          id: kr.id,
          type: 'key_result',
          title: kr.title,
          objective: o.title,
          grade: kr.grade,
          tag: kr.rootCauseTag,
          note: kr.rootCauseNote,
        });
  for (const g of report.smartGoals)
    if (g.rootCauseNote)
      causes.push({
        id: g.id,
        type: 'smart_goal',
        title: g.title,
        objective: null,
        grade: g.grade,
        tag: null,
        note: g.rootCauseNote,
      });
  return causes;
}

/** Count of objectives by decision, in the order continue, modify, drop, none. */
export function decisionCounts(report: CycleReport): { decision: string; count: number }[] {
  const order = ['continue', 'modify', 'drop'];
  const counts = new Map<string, number>();
  for (const o of report.objectives) {
    const key = o.decision && order.includes(o.decision) ? o.decision : 'none';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...order, 'none']
    .filter((d) => counts.has(d))
    .map((decision) => ({ decision, count: counts.get(decision)! }));
}
