import { type Kysely, sql } from 'kysely';
import type { CheckInFacts } from '../repositories/check-in.repository';
import {
  effectiveCheckins,
  readMeasure,
  smartGoalWindow,
  storedFacts,
  windowOfCycle,
} from '../services/evaluation';
import { readSettings } from '../services/workspace-settings';

/** Goals whose check-ins are read together. */
const CHUNK = 1_000;

/**
 * Fills `facts` of every measured KR and SMART goal from its check-ins, as the rollups would write
 * them (migration 20261202T0520): without it, goals written before the migration would be
 * evaluated from their whole history until their next check-in. Runs in the migration's
 * transaction; columns are aliased to single words so the answer is the same with or without
 * the camel-case plugin. Returns how many goals got facts.
 */
export async function fillGoalFacts(db: Kysely<unknown>): Promise<number> {
  const zones = new Map<string, string>();
  for (const w of (
    await sql<{ id: string; settings: string }>`select id, settings from workspaces`.execute(db)
  ).rows)
    zones.set(w.id, readSettings(w.settings, w.id).timeZone);
  const cycles = new Map<string, { startDate: string; endDate: string }>();
  for (const c of (
    await sql<{
      id: string;
      s: string;
      e: string;
    }>`select id, start_date as s, end_date as e from cycles`.execute(db)
  ).rows)
    cycles.set(c.id, { startDate: c.s, endDate: c.e });
  const krs = (
    await sql<{ id: string; measure: string; n: number; cycle: string; ws: string }>`
      select k.id, k.measure, k.checkin_count as n, o.cycle_id as cycle, k.workspace_id as ws
      from key_results k join objectives o on o.id = k.objective_id
      where k.progress_source = 'metric' and k.measure is not null order by k.id`.execute(db)
  ).rows;
  const goals = (
    await sql<{ id: string; measure: string; n: number; s: string; d: string; ws: string }>`
      select id, measure, checkin_count as n, start_date as s, due_date as d, workspace_id as ws
      from smart_goals where measure is not null order by id`.execute(db)
  ).rows;
  const measured = [
    ...krs.flatMap((kr) => {
      const cycle = cycles.get(kr.cycle);
      const zone = zones.get(kr.ws);
      return cycle && zone ? [{ table: 'key_results', ...kr, window: windowOfCycle(cycle, zone) }] : [];
    }),
    ...goals.flatMap((g) => {
      const zone = zones.get(g.ws);
      return zone ? [{ table: 'smart_goals', ...g, window: smartGoalWindow(g.s, g.d, zone) }] : [];
    }),
  ];
  let filled = 0;
  for (let i = 0; i < measured.length; i += CHUNK) {
    const chunk = measured.slice(i, i + CHUNK);
    const rows = (
      await sql<{
        id: string;
        goal: string;
        corrects: string | null;
        at: number | string;
        seq: number;
        value: number | null;
        done: string | null;
        confidence: number | null;
      }>`select id, goal_id as goal, corrects_id as corrects, at, seq, value, done, confidence
         from check_ins where goal_id in (${sql.join(chunk.map((g) => g.id))})`.execute(db)
    ).rows;
    const byGoal = new Map<string, CheckInFacts[]>();
    for (const r of rows) {
      const facts: CheckInFacts = {
        id: r.id,
        correctsId: r.corrects,
        at: Number(r.at),
        seq: Number(r.seq),
        value: r.value,
        done: r.done,
        confidence: r.confidence,
      };
      const list = byGoal.get(r.goal);
      if (list) list.push(facts);
      else byGoal.set(r.goal, [facts]);
    }
    for (const goal of chunk) {
      const own = byGoal.get(goal.id) ?? [];
      if (own.length !== Number(goal.n)) continue;
      const facts = storedFacts(
        goal.measure,
        own.length,
        effectiveCheckins(own, readMeasure(goal.measure)),
        goal.window,
      );
      if (facts === null) continue;
      await sql`update ${sql.table(goal.table)} set facts = ${facts} where id = ${goal.id}`.execute(db);
      filled++;
    }
  }
  return filled;
}
