import type { GoalNode, SourceRef } from '../model';
import type { ObjectiveKind } from '../settings';

/**
 * The coach's vocabulary: rule ids, severities and findings (SPEC section 4). Rule ids are stable:
 * workspaces switch them off or change their severity by id, and scripts match on them.
 */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Every rule id, in the order the docs list them. Never rename one; add new ones at the end of a group. */
export const RULE_IDS = [
  // objectives
  'objective-has-metric',
  'objective-is-output',
  'objective-business-as-usual',
  'objective-length',
  'too-many-objectives',
  'objective-no-lead',
  'objective-kind-missing',
  // key results
  'kr-count',
  'kr-is-activity',
  'kr-not-measurable',
  'kr-no-baseline',
  'kr-direction-conflict',
  'kr-impossible-value',
  'kr-too-timid',
  'target-too-wild',
  'kr-all-lagging',
  'kr-duplicate-metric',
  'kr-should-be-smart',
  'kr-title-measure-mismatch',
  'measure-incomplete',
  // SMART goals
  'smart-not-specific',
  'smart-not-measurable',
  'smart-not-achievable',
  'smart-not-relevant',
  'smart-not-time-bound',
  'smart-should-be-kr',
  'smart-no-owner',
  // the tree
  'orphan',
  'restates-parent',
  'level-skip',
  'aligned-kr-without-children',
  'unresolved-link',
  // confidence and check-ins
  'sandbagging',
  'moonshot-without-belief',
  'stale',
  'reported-vs-data',
  'past-due-open',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What a finding points at: a goal, or a whole file for file-level findings. */
export type TargetType = GoalNode['type'] | 'file';

/** One thing the coach found: what is wrong, in plain words, and a better example. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The goal's key (or the file, for file-level findings). */
  target: string;
  targetType: TargetType;
  /** What is wrong, in plain words. */
  message: string;
  /** A concrete better example. */
  suggestion: string;
  /** Where the goal was written, when it came from a file. */
  source?: SourceRef | undefined;
}

/** Counts per severity and the number of goals read. */
export interface LintSummary {
  errors: number;
  warnings: number;
  infos: number;
  goals: number;
}

export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
}

/** A grade from a closed cycle, for rules that look at an owner's track record (`sandbagging`). */
export interface PastGrade {
  /** The owner of the goal graded (a person). */
  owner: string;
  kind: ObjectiveKind;
  /** Grade 0.0 to 1.0. */
  grade: number;
  cycle?: string | undefined;
}

/** Optional data a goals file lacks. Rules that need it simply do not fire without it. */
export interface LintHistory {
  /** Recent grades of aspirational and committed goals (the last few closed cycles). */
  grades?: readonly PastGrade[] | undefined;
}
