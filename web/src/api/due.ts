import type { Measure } from '../../../core/measure';
import { api, type Schema, unwrap } from './client';

type DueItem = Schema<'DueCheckins'>['items'][number];

/** A goal a person checks in on this period, as the check-in screen shows it. */
export interface DueGoal {
  goalType: 'key_result' | 'smart_goal';
  goalId: string;
  title: string;
  /** The objective a key result belongs to; for a SMART goal, the KR (or objective) it serves. */
  context: string | null;
  measure: Measure | null;
  lastValue: number | null;
  /** Milestones done at the last check-in (milestone goals), or whether it is done (yes/no goals). */
  lastDone: string[] | boolean | null;
  lastConfidence: number | null;
  lastNote: string | null;
  latestCheckinAt: number | null;
  status: DueItem['status'];
  /** The cadence period the goal is due in (epoch ms). */
  period: DueItem['period'];
  /** Already checked in during this period (SPEC 3.9: due once per period). */
  isDone: boolean;
}

export interface DueCheckIns {
  /** Due ones first, then those done this period, in the server's order. */
  goals: DueGoal[];
  summary: { due: number; done: number };
}

export function toDueGoal(item: DueItem): DueGoal {
  const measure = item.measure as Measure;
  return {
    goalType: item.type,
    goalId: item.id,
    title: item.title,
    context: item.type === 'key_result' ? item.objectiveTitle : (item.keyResultTitle ?? item.objectiveTitle),
    measure,
    lastValue: item.lastValue,
    lastDone:
      measure.type === 'boolean'
        ? item.lastCheckinAt === null
          ? null
          : (item.lastValue ?? 0) >= 1
        : measure.type === 'milestones'
          ? (item.lastDone ?? null)
          : null,
    lastConfidence: item.lastConfidence,
    lastNote: item.lastNote,
    latestCheckinAt: item.lastCheckinAt,
    status: item.status,
    period: item.period,
    isDone: item.isDone,
  };
}

/**
 * What the signed-in person checks in on now, from `GET /api/v1/check-ins/due?person=me`: the
 * server decides what is due (every open cycle whose window holds now, the cadence period, what
 * was done in it); this only reshapes the answer for the rows.
 */
export async function fetchDueGoals(): Promise<DueCheckIns> {
  const answer = await unwrap(api.GET('/api/v1/check-ins/due', { params: { query: { person: 'me' } } }));
  return { goals: answer.items.map(toDueGoal), summary: answer.summary };
}
