import { z } from 'zod';
import { isValidTimeZone } from './time';

/** Check-in cadences (SPEC 3.9). */
export const cadenceSchema = z.enum(['weekly', 'biweekly', 'monthly']);
export type Cadence = z.infer<typeof cadenceSchema>;

/** Objective kinds: aspirational OKRs expect about 0.7, committed ones 1.0 (SPEC 1). */
export const objectiveKindSchema = z.enum(['aspirational', 'committed']);
export type ObjectiveKind = z.infer<typeof objectiveKindSchema>;

/** Success level `L` of SPEC 3.4: 0.7 for aspirational, 1.0 for committed OKRs and SMART goals. */
export const SUCCESS_LEVEL: Record<ObjectiveKind, number> = { aspirational: 0.7, committed: 1 };

/** The status thresholds of SPEC 3.5, workspace settings with these defaults. */
export const statusThresholdsSchema = z
  .object({
    onTrack: z.number().gt(0).max(10).default(0.9).describe('r = p / e(t) at or above this is on track'),
    atRisk: z
      .number()
      .min(0)
      .max(10)
      .default(0.6)
      .describe('r at or above this (and below onTrack) is at risk'),
    staleFactor: z
      .number()
      .gt(0)
      .max(52)
      .default(2)
      .describe('stale when silent for more than this many cadence periods'),
    tooEarlyShare: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('too early to tell while e(t) < this share of L'),
  })
  .strict()
  .refine((t) => t.atRisk <= t.onTrack, { path: ['atRisk'], message: 'atRisk must not exceed onTrack' });
export type StatusThresholds = z.infer<typeof statusThresholdsSchema>;

export const DEFAULT_THRESHOLDS: StatusThresholds = {
  onTrack: 0.9,
  atRisk: 0.6,
  staleFactor: 2,
  tooEarlyShare: 0.1,
};

/** The workspace settings the maths needs: timezone, week start, fiscal year, cadence and thresholds. */
export interface EvaluationSettings {
  timeZone: string;
  /** 0 Sunday to 6 Saturday. */
  weekStart: number;
  /** Month (1-12) in which the fiscal year starts. */
  fiscalYearStartMonth: number;
  defaultCadence: Cadence;
  thresholds: StatusThresholds;
}

/** The zod schema of `EvaluationSettings`, for the API and the workspace settings. */
export const evaluationSettingsSchema = z
  .object({
    timeZone: z.string().refine(isValidTimeZone, 'expected an IANA time zone such as Europe/Berlin'),
    weekStart: z.number().int().min(0).max(6).describe('0 Sunday to 6 Saturday'),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    defaultCadence: cadenceSchema,
    thresholds: statusThresholdsSchema,
  })
  .strict() satisfies z.ZodType<EvaluationSettings>;

export const DEFAULT_SETTINGS: EvaluationSettings = {
  timeZone: 'UTC',
  weekStart: 1,
  fiscalYearStartMonth: 1,
  defaultCadence: 'weekly',
  thresholds: DEFAULT_THRESHOLDS,
};
