import { z } from 'zod';
import { cadenceSchema, type EvaluationSettings, statusThresholdsSchema } from '../../core/settings';
import { isValidTimeZone } from '../../core/time';

/** Workspace settings (SPEC section 2), with defaults; stored as JSON on the workspace row. */
export const workspaceSettingsSchema = z
  .object({
    fiscalYearStartMonth: z.number().int().min(1).max(12).default(1),
    timeZone: z
      .string()
      .refine(isValidTimeZone, { message: 'not an IANA time zone, such as Europe/Berlin' })
      .default('UTC'),
    weekStart: z.number().int().min(0).max(6).default(1),
    defaultCadence: cadenceSchema.default('weekly'),
    checkinDay: z.number().int().min(0).max(6).default(1),
    checkinHour: z.number().int().min(0).max(23).default(9),
    thresholds: statusThresholdsSchema.default({
      onTrack: 0.9,
      atRisk: 0.6,
      staleFactor: 2,
      tooEarlyShare: 0.1,
    }),
    coachSeverities: z.record(z.string(), z.enum(['error', 'warning', 'info', 'off'])).default({}),
    notificationChannels: z.array(z.enum(['email', 'slack', 'teams', 'webhook'])).default(['email']),
  })
  .strict();

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Reads stored settings JSON, filling in defaults for anything added since it was written. */
export function readSettings(json: string): WorkspaceSettings {
  // Every session parses its workspace's settings, and zod's parse was a tenth of a check-in's
  // time. The result depends on the text alone, so it is remembered by the text (frozen, as it
  // is shared): edited settings are new text and never meet a stale entry.
  let settings = parsedSettings.get(json);
  if (!settings) {
    settings = deepFreeze(workspaceSettingsSchema.parse(JSON.parse(json)));
    if (parsedSettings.size >= 100) parsedSettings.delete(parsedSettings.keys().next().value as string);
    parsedSettings.set(json, settings);
  }
  return settings;
}

const parsedSettings = new Map<string, WorkspaceSettings>();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** The part of the settings the maths needs. */
export function evaluationSettings(settings: WorkspaceSettings): EvaluationSettings {
  return {
    timeZone: settings.timeZone,
    weekStart: settings.weekStart,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    defaultCadence: settings.defaultCadence,
    thresholds: settings.thresholds,
  };
}
