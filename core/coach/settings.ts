import { z } from 'zod';
import { RULE_IDS, type RuleId, SEVERITIES, type Severity } from './types';

/**
 * Coach settings (SPEC sections 2 and 4): a severity per rule or `off`, and the thresholds the
 * rules compare against. Workspaces store them; `tandem lint --config` reads them from a file.
 */

const severityOrOff = z.enum([...SEVERITIES, 'off']);
const ratio = z.number().finite().min(0);
const count = z.number().int().min(0);

export const coachThresholdsSchema = z
  .object({
    maxObjectivesCompany: count.default(5).describe('most objectives for the company in a cycle'),
    maxObjectivesUnit: count.default(3).describe('most objectives for one unit in a cycle'),
    maxObjectivesPerson: count.default(3).describe('most personal objectives for one person in a cycle'),
    minKeyResults: count.default(2).describe('fewest key results on an objective'),
    maxKeyResults: count.default(5).describe('most key results on an objective'),
    minObjectiveWords: count.default(4).describe('shortest objective title, in words'),
    maxObjectiveWords: count.default(18).describe('longest objective title, in words'),
    timidRatio: ratio.default(0.3).describe('aspirational KRs changing less than this share are timid'),
    wildRatio: ratio.default(2).describe('committed targets at least this multiple of the start are wild'),
    smartCapacity: count.default(5).describe('most open SMART goals one owner carries in a cycle'),
    paceRatio: ratio.default(3).describe('needing this many times the recent pace is not achievable'),
    sandbagConfidence: z.number().min(0).max(10).default(9).describe('draft confidence that is too safe'),
    sandbagGrade: z.number().min(0).max(1).default(0.8).describe('mean aspirational grade that is too safe'),
    minGrades: count.default(3).describe('grades needed before judging a track record'),
    moonshotConfidence: z.number().min(0).max(10).default(2.5).describe('mean draft confidence too low'),
  })
  .strict();
export type CoachThresholds = z.infer<typeof coachThresholdsSchema>;

export const coachSettingsSchema = z
  .object({
    locale: z.enum(['en']).default('en').describe('language of the word lists'),
    rules: z
      .partialRecord(z.enum(RULE_IDS), severityOrOff)
      .default({})
      .describe('severity per rule id, or "off"'),
    thresholds: coachThresholdsSchema.default(() => coachThresholdsSchema.parse({})),
  })
  .strict();
export type CoachSettings = z.infer<typeof coachSettingsSchema>;
/** Settings as written by a person: every field optional. */
export type CoachSettingsInput = z.input<typeof coachSettingsSchema>;

export const DEFAULT_COACH_SETTINGS: CoachSettings = coachSettingsSchema.parse({});

/**
 * The severity a finding gets: the workspace's choice for the rule, else the rule's default.
 * A hedged finding (the rule is less sure) is one step milder, and never stronger than `info`
 * would allow: `error` becomes `warning`, `warning` becomes `info`.
 *
 * @example
 * effectiveSeverity('kr-no-baseline', 'warning', true, DEFAULT_COACH_SETTINGS) // 'info'
 */
export function effectiveSeverity(
  rule: RuleId,
  byDefault: Severity,
  isHedged: boolean,
  settings: CoachSettings,
): Severity | 'off' {
  const chosen = settings.rules[rule] ?? byDefault;
  if (chosen === 'off' || !isHedged) return chosen;
  return chosen === 'error' ? 'warning' : 'info';
}
