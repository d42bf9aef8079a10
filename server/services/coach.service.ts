import { z } from 'zod';
import { type CoachSettingsInput, coachSettingsSchema, type LintResult, lint } from '../../core/coach';
import { AppError, validationError } from '../../core/errors';
import { buildOrganisation } from '../../core/goals-file/model';
import { GOALS_FILE_LIMITS, isDeeperThan, parseGoalsFile } from '../../core/goals-file/parse';
import { parseMoment } from '../../core/time';
import type { Actor, ServiceDeps } from './context';
import { openSession } from './session';
import { invalid, parseInput } from './validate';
import { evaluationSettings } from './workspace-settings';

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
  async lint(actor: Actor, input: unknown): Promise<LintResult> {
    const data = parseInput(coachLintSchema, input);
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
}
