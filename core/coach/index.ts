/**
 * The coach (SPEC 4): a pure, deterministic, offline rule engine for well-written goals. Runs as
 * people type (web), on goals files (`tandem lint`) and on the server.
 */

export { describeRules, type LintOptions, lint, summarise } from './engine';
export { type FindingField, fieldOfRule } from './fields';
export {
  type CoachSettings,
  type CoachSettingsInput,
  type CoachThresholds,
  coachSettingsSchema,
  coachThresholdsSchema,
  DEFAULT_COACH_SETTINGS,
  effectiveSeverity,
} from './settings';
export * from './types';
export { betterWording } from './wording';
