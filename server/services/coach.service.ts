import { z } from 'zod';
import { lastClosedCycles } from '../../core/calibration';
import {
  type CoachSettingsInput,
  coachSettingsSchema,
  type LintResult,
  lint,
  type PastGrade,
} from '../../core/coach';
import { AppError, validationError } from '../../core/errors';
import { buildOrganisation } from '../../core/goals-file/model';
import { GOALS_FILE_LIMITS, isDeeperThan, parseGoalsFile } from '../../core/goals-file/parse';
import type { Checkin, Organisation } from '../../core/model';
import { parseMoment } from '../../core/time';
import { isVisible } from '../policies/permissions';
import type { CycleRow } from '../repositories/cycle.repository';
import type { Actor, ServiceDeps } from './context';
import {
  effectiveCheckins,
  groupCheckins,
  objectiveNode,
  readMeasure,
  smartGoalNode,
  windowOfCycle,
} from './evaluation';
import { getCycle, keyResultSubject, objectiveSubject, smartGoalSubject } from './goal-access';
import { openSession, type Session } from './session';
import { accept, invalid, notFound } from './validate';
import { evaluationSettings } from './workspace-settings';

/** Input of `findings`: the stored goals of a cycle, optionally of one unit. */
export const coachFindingsSchema = z
  .object({
    cycle: z.string().min(1),
    unit: z.string().min(1).optional(),
  })
  .strict();

/**
 * How big a goals file the server lints: parsing YAML costs ~75 microseconds a line on the event
 * loop, where every other request waits, so 2,000 lines (a dozen teams' goals) keep one lint to
 * a fraction of a second. The CLI has no such limit.
 */
export const COACH_LIMITS = { maxLines: 2_000, maxCharacters: 100_000 } as const;

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Input of `lint`: a goals file (SPEC 9) as YAML text or as a JSON object, and the moment to judge by. */
export const coachLintSchema = z
  .object({
    yaml: z
      .string()
      .max(COACH_LIMITS.maxCharacters)
      .refine((text) => lineCount(text) <= COACH_LIMITS.maxLines, {
        message: `at most ${COACH_LIMITS.maxLines} lines`,
      })
      .optional(),
    goals: z.record(z.string(), z.unknown()).optional(),
    /** A date or date-time in the workspace timezone; default now. */
    at: z.string().optional(),
  })
  .strict()
  .refine((v) => (v.yaml === undefined) !== (v.goals === undefined), {
    path: ['goals'],
    message: 'give either `yaml` or `goals`',
  });

/** The coach on the server: lints goals sent by a client with the workspace's coach settings. */
export class CoachService {
  constructor(readonly deps: ServiceDeps) {}

  /** Lints a goals file; problems reading it are `validation` issues with line and column. */
  async lint(actor: Actor, input: z.input<typeof coachLintSchema>): Promise<LintResult> {
    const data = accept(coachLintSchema, input);
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const tz = session.settings.timeZone;
    const at =
      data.at === undefined ? session.at : (parseMoment(data.at, tz) ?? invalid('at', 'expected a date'));
    if (data.goals !== undefined && isDeeperThan(data.goals, GOALS_FILE_LIMITS.maxDepth))
      invalid('goals', `nested more than ${GOALS_FILE_LIMITS.maxDepth} levels deep`);
    const text = data.yaml ?? JSON.stringify(data.goals);
    if (text.length > COACH_LIMITS.maxCharacters)
      invalid(data.yaml === undefined ? 'goals' : 'yaml', `at most ${COACH_LIMITS.maxCharacters} characters`);
    const parsed = parseGoalsFile(text, 'goals');
    const built = parsed.ok ? buildOrganisation([parsed.parsed], { now: at }) : parsed;
    if (!built.ok) {
      const issues = built.problems.map((p) => ({
        path: p.path || '(goals)',
        message: p.line > 0 ? `${p.message} (line ${p.line}, column ${p.column})` : p.message,
      }));
      const error = validationError(issues);
      throw new AppError('validation', `the goals file has problems: ${error.message}`, error.details);
    }
    const settings = coachSettingsSchema.safeParse({ rules: session.settings.coachSeverities });
    return lint(built.org, {
      at,
      settings: settings.success ? (settings.data as CoachSettingsInput) : undefined,
      evaluation: evaluationSettings(session.settings),
    });
  }

  /**
   * The coach on what is stored (SPEC 4): findings for the goals of a cycle (of one unit, when
   * given) that the viewer may see, as of now, with the workspace's coach settings. Goals the
   * viewer may not see are left out before linting, so no finding can describe them. Owners'
   * recent aspirational grades feed `sandbagging` only for owners whose calibration the viewer
   * may read (themselves, their reports, people in units they lead; admins: everyone).
   */
  async findings(actor: Actor, data: z.output<typeof coachFindingsSchema>): Promise<LintResult> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const cycle = await getCycle(session, data.cycle);
    if (data.unit !== undefined && !(await session.repos.units.find(actor.workspaceId, data.unit)))
      notFound('unit', data.unit);
    return lintStoredCycle(session, cycle, data.unit === undefined ? undefined : [data.unit]);
  }
}

/**
 * The coach on the stored goals of a cycle (of some units, when given) that the session's actor
 * may see, as of the session's moment, with the workspace's coach settings. Works inside a
 * transaction (the publish gate lints what a write is about to commit). Goals the viewer may not
 * see are left out before linting, so no finding can describe them. Owners' recent aspirational
 * grades feed `sandbagging` only for owners whose calibration the viewer may read.
 */
export async function lintStoredCycle(
  session: Session,
  cycle: CycleRow,
  unitIds?: string[],
): Promise<LintResult> {
  const { repos, scope } = session;
  const ws = session.actor.workspaceId;
  const objectiveRows = (await repos.objectives.listByCycle(ws, cycle.id, unitIds)).filter((o) =>
    isVisible(scope, objectiveSubject(o)),
  );
  const goalRows = (await repos.smartGoals.listByCycle(ws, cycle.id, unitIds ? { unitIds } : {})).filter(
    (g) => isVisible(scope, smartGoalSubject(g)),
  );
  const objectivesById = new Map(objectiveRows.map((o) => [o.id, o]));
  const krRows = (await repos.keyResults.listByObjectives([...objectivesById.keys()])).filter((kr) =>
    isVisible(scope, keyResultSubject(kr, objectivesById.get(kr.objectiveId)!)),
  );
  const [parentLinks, checkinRows, unitRows] = await Promise.all([
    repos.alignments.parentsOf([...objectivesById.keys(), ...goalRows.map((g) => g.id)]),
    repos.checkIns.listByGoals([...krRows.map((kr) => kr.id), ...goalRows.map((g) => g.id)]),
    repos.units.list(ws),
  ]);
  const rowsByGoal = groupCheckins(checkinRows);
  const checkins = new Map<string, Checkin[]>();
  for (const kr of krRows)
    checkins.set(kr.id, effectiveCheckins(rowsByGoal.get(kr.id) ?? [], readMeasure(kr.measure)));
  const linksOf = (id: string) =>
    parentLinks.filter((l) => l.childId === id).map((l) => ({ key: l.parentId, weight: l.weight }));
  const context = session.settings;
  const org: Organisation = {
    timeZone: context.timeZone,
    cycles: [{ name: cycle.name, window: windowOfCycle(cycle, context.timeZone) }],
    units: unitRows.map((u) => ({ key: u.id, name: u.name, parent: u.parentId ?? undefined, leads: [] })),
    objectives: objectiveRows.map((o) =>
      objectiveNode(
        o,
        cycle,
        krRows.filter((kr) => kr.objectiveId === o.id),
        checkins,
        linksOf(o.id),
        context,
      ),
    ),
    smartGoals: goalRows.map((g) =>
      smartGoalNode(
        g,
        cycle.name,
        effectiveCheckins(rowsByGoal.get(g.id) ?? [], readMeasure(g.measure)),
        linksOf(g.id),
        context,
      ),
    ),
  };
  const owners = [...new Set(krRows.map((kr) => kr.ownerId).filter((id): id is string => id !== null))];
  const grades = await recentGrades(session, await calibrationReadable(session, owners));
  const rules = coachSettingsSchema.safeParse({ rules: context.coachSeverities });
  const settings = rules.success ? (rules.data as CoachSettingsInput) : {};
  return lint(org, {
    at: session.at,
    // Parents the viewer may not see are not loaded: their links are not "unresolved".
    settings: { ...settings, rules: { ...settings.rules, 'unresolved-link': 'off' } },
    evaluation: evaluationSettings(context),
    history: { grades },
  });
}

/** The owners whose calibration (and so track record) the viewer may read. */
async function calibrationReadable(session: Session, people: readonly string[]): Promise<string[]> {
  const { scope, repos } = session;
  if (scope.role === 'admin') return [...people];
  const rest = people.filter((p) => p !== scope.personId && !scope.reports.has(p));
  const memberships = rest.length > 0 ? await repos.units.membershipsOfMany(rest) : [];
  const led = new Set(memberships.filter((m) => scope.ledUnits.has(m.unitId)).map((m) => m.personId));
  return people.filter((p) => p === scope.personId || scope.reports.has(p) || led.has(p));
}

/** Final grades of the owners' KRs in the last closed cycles, for `sandbagging`. */
async function recentGrades(session: Session, owners: readonly string[]): Promise<PastGrade[]> {
  if (owners.length === 0) return [];
  const { repos } = session;
  const ws = session.actor.workspaceId;
  const tz = session.settings.timeZone;
  const closed = lastClosedCycles(
    (await repos.cycles.list(ws)).map((c) => ({ ...c, window: windowOfCycle(c, tz) })),
  );
  const wanted = new Set(owners);
  const grades: PastGrade[] = [];
  for (const past of closed) {
    const objectives = await repos.objectives.listByCycle(ws, past.id);
    const kinds = new Map(objectives.map((o) => [o.id, o.kind ?? 'aspirational']));
    for (const kr of await repos.keyResults.listByObjectives(objectives.map((o) => o.id))) {
      if (kr.ownerId === null || !wanted.has(kr.ownerId) || kr.frozenGrade === null) continue;
      grades.push({
        owner: kr.ownerId,
        kind: kinds.get(kr.objectiveId)!,
        grade: kr.frozenGrade,
        cycle: past.name,
      });
    }
  }
  return grades;
}
