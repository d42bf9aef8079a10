import { z } from 'zod';
import { MEASURE_TYPES } from '../measure';
import { cadenceSchema, objectiveKindSchema } from '../settings';
import { isDateText, isValidTimeZone, parseMoment } from '../time';

/**
 * The goals file (SPEC section 9): a cycle's goals as YAML, kept in git, linted and scored in CI.
 * This zod schema is the single definition; the published JSON Schema
 * (`docs/goals-file.schema.json`) is generated from it.
 */

export const GOALS_FILE_VERSION = 1;

/** A stable key for round trips: letters, digits, `.`, `_`, `-`. */
export const goalKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'a key uses letters, digits, ".", "_" and "-", starting with a letter or digit',
  );

const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isDateText, 'not a calendar date');
const momentText = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i,
    'expected a date (YYYY-MM-DD) or a date-time (YYYY-MM-DDTHH:MM, optionally with an offset)',
  )
  .refine((text) => parseMoment(text, 'UTC') !== undefined, 'not a calendar date or time');
const confidence = z.number().int().min(0).max(10).describe('0 (no chance) to 10 (certain)');
const visibility = z.enum(['workspace', 'unit', 'private']);

/**
 * What a link names: a goal's key in the same cycle, or `CYCLE/key` for a goal of another cycle
 * (an objective carried over from `2026-Q3`, a parent in the previous cycle): the cycle's name,
 * a `/`, and the goal's key in that cycle's goals files.
 */
export const linkKeySchema = z
  .string()
  .min(1)
  .max(150)
  .regex(
    /^(?:[^\n]{1,40}\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/,
    'a key uses letters, digits, ".", "_" and "-", starting with a letter or digit; CYCLE/key names a goal of another cycle',
  );

/**
 * A link's key split into the cycle it names (none for the same cycle) and the goal's key: the
 * cycle is everything before the last `/` (keys hold no `/`; cycle names may).
 *
 * @example
 * splitLinkKey('2026-Q3/grow-revenue'); // { cycle: '2026-Q3', key: 'grow-revenue' }
 */
export function splitLinkKey(link: string): { cycle?: string; key: string } {
  const slash = link.lastIndexOf('/');
  if (slash <= 0) return { key: link };
  return { cycle: link.slice(0, slash).trim(), key: link.slice(slash + 1) };
}

/** A link upward: a key, or `{key, weight}` for a weighted link. */
export const linkSchema = z.union([
  linkKeySchema,
  z.object({ key: linkKeySchema, weight: z.number().finite().min(0).default(1) }).strict(),
]);
const links = z.union([linkSchema, z.array(linkSchema)]);

/**
 * A measure as written in a file. Every field but `type` may be missing: a measure without the
 * fields its type needs is a draft (it gets no numbers). A complete measure must be valid.
 */
export const fileMeasureSchema = z
  .object({
    type: z.enum(MEASURE_TYPES).optional(),
    start: z.number().finite().optional(),
    target: z.number().finite().optional(),
    threshold: z.number().finite().optional(),
    low: z.number().finite().optional(),
    high: z.number().finite().optional(),
    milestones: z
      .array(
        z.union([
          z.string().min(1),
          z.object({ name: z.string().min(1), weight: z.number().finite().min(0).default(1) }).strict(),
        ]),
      )
      .optional(),
    unit: z.string().max(40).optional(),
  })
  .strict();

/** A dated check-in in a goal's history. */
export const fileCheckinSchema = z
  .object({
    at: momentText.describe('date or date-time, in the file timezone'),
    value: z.number().finite().optional().describe('new value (numeric and maintain measures)'),
    done: z
      .union([z.array(z.string().min(1)), z.boolean()])
      .optional()
      .describe('milestones done at that moment (milestones), or done/not done (boolean)'),
    confidence: confidence.optional(),
    note: z.string().max(5000).optional(),
    author: z.string().max(200).optional(),
  })
  .strict();

/** `current` shorthand: a value, the milestones done, or done/not done, as of the time of reading. */
const current = z.union([z.number().finite(), z.array(z.string().min(1)), z.boolean()]);

const planPoint = z
  .object({
    at: dateText,
    expected: z.number().finite().min(0).max(1).describe('expected progress at that date, 0 to 1'),
  })
  .strict();

export const fileKeyResultSchema = z
  .object({
    key: goalKeySchema,
    title: z.string().trim().min(1).max(500),
    measure: fileMeasureSchema.optional(),
    weight: z.number().finite().min(0).optional().describe('default 1'),
    owner: z.string().max(200).optional(),
    source: z.enum(['metric', 'aligned']).optional().describe('default metric'),
    plan: z.array(planPoint).optional().describe('expected-progress plan (SPEC 3.4)'),
    cadence: cadenceSchema.optional(),
    leading: z.boolean().optional().describe('true for a leading indicator'),
    confidence: confidence.optional().describe('draft confidence while planning'),
    current: current.optional(),
    checkins: z.array(fileCheckinSchema).optional(),
  })
  .strict();

export const fileObjectiveSchema = z
  .object({
    key: goalKeySchema,
    title: z.string().trim().min(1).max(500),
    description: z.string().max(5000).optional(),
    unit: z.string().max(200).optional().describe('key of the owning unit; "company" for the root'),
    lead: z.string().max(200).optional().describe('the one accountable lead'),
    owner: z.string().max(200).optional().describe('the person, for a personal OKR'),
    kind: objectiveKindSchema.optional().describe('default aspirational'),
    state: z.enum(['draft', 'active', 'closed', 'dropped']).optional(),
    visibility: visibility.optional(),
    aligns_to: links.optional().describe('keys of parent objectives or KRs'),
    key_results: z.array(fileKeyResultSchema).optional(),
  })
  .strict();

export const fileSmartGoalSchema = z
  .object({
    key: goalKeySchema,
    title: z.string().trim().min(1).max(500),
    definition_of_done: z.string().max(5000).optional(),
    owner: z.string().max(200).optional(),
    supports: links.optional().describe('the KR or objective it supports'),
    measure: fileMeasureSchema.optional(),
    start: dateText.optional().describe('default: the cycle start'),
    due: dateText.optional(),
    achievability: z.string().max(5000).optional(),
    state: z.enum(['draft', 'open', 'done', 'missed', 'dropped']).optional(),
    visibility: visibility.optional(),
    cadence: cadenceSchema.optional(),
    confidence: confidence.optional(),
    current: current.optional(),
    checkins: z.array(fileCheckinSchema).optional(),
  })
  .strict();

export const fileUnitSchema = z
  .object({
    key: goalKeySchema,
    name: z.string().max(200).optional(),
    parent: goalKeySchema.optional().describe('key of the parent unit; none for the company'),
    leads: z.array(z.string().max(200)).optional(),
  })
  .strict();

const customCycle = z
  .object({ name: z.string().min(1).max(100), start: dateText, end: dateText })
  .strict()
  .refine((c) => c.start <= c.end, { path: ['end'], message: 'the cycle must end on or after its start' });

export const goalsFileSchema = z
  .object({
    version: z.literal(GOALS_FILE_VERSION),
    cycle: z
      .union([z.string().min(1).max(100), customCycle])
      .describe('2026-Q4, FY2027-Q1, 2026, or {name, start, end}'),
    fiscal_year_start: z
      .number()
      .int()
      .min(1)
      .max(12)
      .optional()
      .describe('month the fiscal year starts, default 1'),
    timezone: z
      .string()
      .refine(isValidTimeZone, 'expected an IANA time zone such as Europe/Berlin')
      .optional()
      .describe('default UTC'),
    cadence: cadenceSchema.optional().describe('default check-in cadence, weekly unless set'),
    units: z.array(fileUnitSchema).optional(),
    objectives: z.array(fileObjectiveSchema).optional(),
    smart_goals: z.array(fileSmartGoalSchema).optional(),
  })
  .strict()
  .meta({
    title: 'Tandem goals file',
    description: "A cycle's OKRs and SMART goals (Tandem SPEC section 9).",
  });

export type GoalsFile = z.infer<typeof goalsFileSchema>;
export type FileObjective = z.infer<typeof fileObjectiveSchema>;
export type FileKeyResult = z.infer<typeof fileKeyResultSchema>;
export type FileSmartGoal = z.infer<typeof fileSmartGoalSchema>;
export type FileMeasure = z.infer<typeof fileMeasureSchema>;
export type FileCheckin = z.infer<typeof fileCheckinSchema>;
export type FileLink = z.infer<typeof linkSchema>;
