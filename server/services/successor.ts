import { type Measure, measureSchema } from '../../core/measure';
import type { CycleRow } from '../repositories/cycle.repository';
import type { KeyResultRow } from '../repositories/key-result.repository';
import type { ObjectiveRow } from '../repositories/objective.repository';
import { readMeasure } from './evaluation';
import type { Session } from './session';

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

/** Creates the successor of an objective in the next cycle, with its KRs rebased. */
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
  for (const kr of keyResults) {
    const measure = readMeasure(kr.measure);
    const rebased = rebaseMeasure(measure, kr.latestValue);
    const krId = session.deps.newId();
    if (measure && !rebased) drafts.push(krId);
    await repos.keyResults.insert({
      ...kr,
      id: krId,
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
      frozenScore: null,
      frozenGrade: null,
    });
  }
  return { id, draftKeyResults: drafts };
}
