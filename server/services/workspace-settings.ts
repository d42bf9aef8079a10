import type { Logger } from 'pino';
import { z } from 'zod';
import { RULE_IDS } from '../../core/coach/types';
import { cadenceSchema, type EvaluationSettings, statusThresholdsSchema } from '../../core/settings';
import { isValidTimeZone } from '../../core/time';

const ruleIds: ReadonlySet<string> = new Set(RULE_IDS);
const severityOrOff = z.enum(['error', 'warning', 'info', 'off']);

/** A severity (or `off`) per coach rule id; an id the coach does not know is refused, by name. */
const coachSeveritiesSchema = z.record(z.string(), severityOrOff).superRefine(refuseUnknownRuleIds);

function refuseUnknownRuleIds(severities: Record<string, unknown>, ctx: z.RefinementCtx): void {
  for (const id of Object.keys(severities)) {
    if (!ruleIds.has(id))
      ctx.addIssue({ code: 'custom', path: [id], message: `unknown coach rule id "${id}"` });
  }
}

const fields = {
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  timeZone: z.string().refine(isValidTimeZone, { message: 'not an IANA time zone, such as Europe/Berlin' }),
  weekStart: z.number().int().min(0).max(6),
  defaultCadence: cadenceSchema,
  checkinDay: z.number().int().min(0).max(6),
  checkinHour: z.number().int().min(0).max(23),
  notificationChannels: z.array(z.enum(['email', 'slack', 'teams', 'webhook'])),
  /** Whether `error` findings of the coach stop a draft objective or SMART goal from being published. */
  coachBlocksPublishing: z.boolean(),
};

/** Workspace settings (SPEC section 2), with defaults; stored as JSON on the workspace row. */
export const workspaceSettingsSchema = z
  .object({
    fiscalYearStartMonth: fields.fiscalYearStartMonth.default(1),
    timeZone: fields.timeZone.default('UTC'),
    weekStart: fields.weekStart.default(1),
    defaultCadence: fields.defaultCadence.default('weekly'),
    checkinDay: fields.checkinDay.default(1),
    checkinHour: fields.checkinHour.default(9),
    thresholds: statusThresholdsSchema.default({
      onTrack: 0.9,
      atRisk: 0.6,
      staleFactor: 2,
      tooEarlyShare: 0.1,
    }),
    coachSeverities: coachSeveritiesSchema.default({}),
    notificationChannels: fields.notificationChannels.default(['email']),
    coachBlocksPublishing: fields.coachBlocksPublishing.default(false),
  })
  .strict();

export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

const thresholdShape = statusThresholdsSchema.shape;

/**
 * A change to the settings: only the fields given change (no defaults are filled in). `thresholds`
 * merges field by field; `coachSeverities` merges rule by rule, and `null` for a rule removes the
 * workspace's choice (the rule's own severity applies again).
 */
export const settingsPatchSchema = z
  .object({
    fiscalYearStartMonth: fields.fiscalYearStartMonth.optional(),
    timeZone: fields.timeZone.optional(),
    weekStart: fields.weekStart.optional(),
    defaultCadence: fields.defaultCadence.optional(),
    checkinDay: fields.checkinDay.optional(),
    checkinHour: fields.checkinHour.optional(),
    thresholds: z
      .object({
        onTrack: thresholdShape.onTrack.unwrap().optional(),
        atRisk: thresholdShape.atRisk.unwrap().optional(),
        staleFactor: thresholdShape.staleFactor.unwrap().optional(),
        tooEarlyShare: thresholdShape.tooEarlyShare.unwrap().optional(),
      })
      .strict()
      .optional(),
    coachSeverities: z
      .record(z.string(), severityOrOff.nullable())
      .superRefine(refuseUnknownRuleIds)
      .optional(),
    notificationChannels: fields.notificationChannels.optional(),
    coachBlocksPublishing: fields.coachBlocksPublishing.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/**
 * The settings after a change: fields left out keep their values, `thresholds` and
 * `coachSeverities` merge key by key. The result is not validated (the caller parses it with
 * `workspaceSettingsSchema`, for rules across fields such as atRisk <= onTrack).
 *
 * @example
 * mergeSettings(current, { checkinHour: 8 }).timeZone === current.timeZone // true
 */
export function mergeSettings(current: WorkspaceSettings, patch: SettingsPatch): Record<string, unknown> {
  const { thresholds, coachSeverities, ...plain } = patch;
  const severities: Record<string, string> = { ...current.coachSeverities };
  for (const [id, severity] of Object.entries(coachSeverities ?? {})) {
    if (severity === null) delete severities[id];
    else severities[id] = severity;
  }
  const defined = Object.fromEntries(Object.entries(plain).filter(([, value]) => value !== undefined));
  const thresholdsGiven = Object.fromEntries(
    Object.entries(thresholds ?? {}).filter(([, value]) => value !== undefined),
  );
  return {
    ...current,
    ...defined,
    thresholds: { ...current.thresholds, ...thresholdsGiven },
    coachSeverities: severities,
  };
}

/** Reads stored settings that failed to parse: what was kept, and what was wrong. */
interface ReadResult {
  settings: WorkspaceSettings;
  problems: string[];
}

/**
 * Parses stored settings JSON, filling in defaults for anything added since it was written. Stored
 * settings that do not parse (written by an older version, or edited by hand) are never reset as a
 * whole: every field that is still valid is kept, a coach severity for an unknown rule id is
 * dropped (the others kept), and only a field that is itself invalid falls back to its default.
 * Each problem is returned, for the caller to log.
 */
export function parseStoredSettings(json: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { settings: workspaceSettingsSchema.parse({}), problems: ['the stored settings are not JSON'] };
  }
  const whole = workspaceSettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, problems: [] };
  const problems: string[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      settings: workspaceSettingsSchema.parse({}),
      problems: ['the stored settings are not an object'],
    };
  }
  const shape = workspaceSettingsSchema.shape;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!(key in shape)) {
      problems.push(`${key}: not a setting; ignored`);
      continue;
    }
    const field = shape[key as keyof typeof shape];
    if (field.safeParse(value).success) kept[key] = value;
    else if (key === 'coachSeverities' && value !== null && typeof value === 'object') {
      const severities: Record<string, unknown> = {};
      for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
        if (ruleIds.has(id) && severityOrOff.safeParse(severity).success) severities[id] = severity;
        else
          problems.push(
            `coachSeverities.${id}: ${ruleIds.has(id) ? 'not a severity' : 'unknown coach rule id'}; ignored`,
          );
      }
      kept[key] = severities;
    } else problems.push(`${key}: invalid (${JSON.stringify(value)}); the default is used`);
  }
  return { settings: workspaceSettingsSchema.parse(kept), problems };
}

/** Something that can log an error (pino's `Logger`, or a test's). */
export type ErrorLog = Pick<Logger, 'error'>;

/**
 * Reads stored settings JSON (see `parseStoredSettings`). Problems are logged as an error with
 * the workspace id, once per workspace and stored text; without a logger they go to stderr.
 */
export function readSettings(json: string, workspaceId?: string, logger?: ErrorLog): WorkspaceSettings {
  // Every session parses its workspace's settings, and zod's parse was a tenth of a check-in's
  // time. The result depends on the text alone, so it is remembered by the text (frozen, as it
  // is shared): edited settings are new text and never meet a stale entry.
  let read = parsedSettings.get(json);
  if (!read) {
    const parsed = parseStoredSettings(json);
    read = { settings: deepFreeze(parsed.settings), problems: parsed.problems };
    if (parsedSettings.size >= 100) parsedSettings.delete(parsedSettings.keys().next().value as string);
    parsedSettings.set(json, read);
  }
  if (read.problems.length > 0) reportProblems(json, read.problems, workspaceId, logger);
  return read.settings;
}

const parsedSettings = new Map<string, ReadResult>();
const reported = new Set<string>();

function reportProblems(
  json: string,
  problems: string[],
  workspaceId: string | undefined,
  logger?: ErrorLog,
) {
  const key = `${workspaceId ?? ''}\u0000${json}`;
  if (reported.has(key)) return;
  if (reported.size >= 1000) reported.clear();
  reported.add(key);
  const message =
    'the stored workspace settings are invalid; the valid fields are used, defaults for the rest';
  if (logger) logger.error({ workspaceId, problems }, message);
  else console.error(JSON.stringify({ level: 'error', workspaceId, problems, msg: message }));
}

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
