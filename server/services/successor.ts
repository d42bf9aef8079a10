import { type Measure, measureSchema } from '../../core/measure';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import { readMeasure } from './evaluation';
import { Rollups } from './rollup';
import type { Session } from './session';

const NUMBER = /-?\d[\d,]*(?:\.\d+)?/g;

const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A number as a title would state it: no float noise, thousands grouped when the title grouped them. */
function formatLike(value: number, token: string): string {
  const clean = Number(value.toPrecision(12));
  return token.includes(',')
    ? new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 }).format(clean)
    : String(clean);
}

/**
 * The title of a continued KR, consistent with its rebased measure: when the title states the old
 * start as a number ("Reduce churn from 30 to 10%"), that number becomes the new baseline
 * ("Reduce churn from 18 to 10%"). The number after "from" wins; else the first number equal to
 * the old start that is not also the target. A title that does not state the old start is kept
 * (it says nothing the measure contradicts).
 *
 * @example
 * rebaseTitle('Reduce churn from 30 to 10%', 30, 18, 10) // 'Reduce churn from 18 to 10%'
 */
export function rebaseTitle(title: string, oldStart: number, newStart: number, target: number): string {
  if (sameNumber(oldStart, newStart)) return title;
  const tokens = [...title.matchAll(NUMBER)].map((m) => ({
    text: m[0],
    index: m.index,
    value: Number(m[0].replaceAll(',', '')),
  }));
  const matching = tokens.filter((t) => Number.isFinite(t.value) && sameNumber(t.value, oldStart));
  const afterFrom = matching.find((t) => /\bfrom\s*[$€£]?\s*$/i.test(title.slice(0, t.index)));
  const chosen = afterFrom ?? matching.find((t) => !sameNumber(t.value, target));
  if (!chosen) return title;
  return (
    title.slice(0, chosen.index) +
    formatLike(newStart, chosen.text) +
    title.slice(chosen.index + chosen.text.length)
  );
}

/**
 * A measure for the next cycle with today's value as its baseline (SPEC 7). Increase and decrease
 * measures start from the latest value; when that value has already passed the target, the
 * rebased measure would be invalid, so the KR becomes a draft for its owner to set a new target.
 */
export function rebaseMeasure(measure: Measure | undefined, latestValue: number | null): Measure | undefined {
  if (!measure) return undefined;
  if ((measure.type !== 'increase' && measure.type !== 'decrease') || latestValue === null) return measure;
  const parsed = measureSchema.safeParse({ ...measure, start: latestValue });
  return parsed.success ? parsed.data : undefined;
}

/**
 * Creates the successor of an objective in the next cycle, with its KRs rebased (and their titles
 * with them, `rebaseTitle`), and stores its rollups at once, so dashboards count it and include it
 * in its unit's mean from the start.
 */
export async function continueObjective(
  session: Session,
  objective: ObjectiveRow,
  keyResults: readonly KeyResultRow[],
  next: CycleRow,
): Promise<{ id: string; draftKeyResults: string[] }> {
  const { repos } = session;
  const id = session.deps.newId();
  await repos.objectives.insert({
    ...objective,
    id,
    cycleId: next.id,
    state: 'active',
    predecessorId: objective.id,
    version: 1,
    createdAt: session.at,
    updatedAt: session.at,
    progress: null,
    score: null,
    latestCheckinAt: null,
    frozenScore: null,
    frozenGrade: null,
  });
  const drafts: string[] = [];
  const created: string[] = [];
  for (const kr of keyResults) {
    const measure = readMeasure(kr.measure);
    const rebased = rebaseMeasure(measure, kr.latestValue);
    const krId = session.deps.newId();
    if (measure && !rebased) drafts.push(krId);
    created.push(krId);
    const title =
      rebased && measure && 'start' in measure && 'start' in rebased && 'target' in rebased
        ? rebaseTitle(kr.title, measure.start, rebased.start, rebased.target)
        : kr.title;
    await repos.keyResults.insert({
      ...kr,
      id: krId,
      title,
      objectiveId: id,
      measure: rebased ? JSON.stringify(rebased) : null,
      plan: '[]',
      version: 1,
      createdAt: session.at,
      updatedAt: session.at,
      progress: rebased && kr.progressSource === 'metric' ? 0 : null,
      score: rebased && kr.progressSource === 'metric' ? 0 : null,
      latestValue: null,
      latestCheckinAt: null,
      checkinCount: 0,
      facts: null,
      frozenScore: null,
      frozenGrade: null,
    });
  }
  const rollups = new Rollups(repos, session.actor.workspaceId, session.settings, session.at);
  rollups.defer();
  for (const krId of created) {
    const row = await repos.keyResults.find(session.actor.workspaceId, krId);
    if (row) await rollups.keyResult(row);
  }
  await rollups.objective(id);
  await rollups.flush();
  return { id, draftKeyResults: drafts };
}
