import type { RuleId } from './types';

/** The field of a goal a finding is about: where an editor shows it, and what an API refusal names. */
export type FindingField =
  | 'title'
  | 'kind'
  | 'lead'
  | 'keyResults'
  | 'measure'
  | 'parent'
  | 'owner'
  | 'dueDate'
  | 'definitionOfDone';

const FIELD_OF: Partial<Record<RuleId, FindingField>> = {
  'objective-kind-missing': 'kind',
  'objective-no-lead': 'lead',
  'kr-count': 'keyResults',
  'kr-all-lagging': 'keyResults',
  'too-many-objectives': 'title',
  'measure-incomplete': 'measure',
  'kr-no-baseline': 'measure',
  'kr-not-measurable': 'measure',
  'kr-impossible-value': 'measure',
  'kr-too-timid': 'measure',
  'target-too-wild': 'measure',
  orphan: 'parent',
  'level-skip': 'parent',
  'smart-not-relevant': 'parent',
  'smart-not-time-bound': 'dueDate',
  'smart-no-owner': 'owner',
  'smart-not-measurable': 'definitionOfDone',
};

/**
 * The field a rule's finding concerns; `title` for rules about the wording.
 *
 * @example
 * fieldOfRule('orphan') // 'parent'
 */
export function fieldOfRule(rule: RuleId): FindingField {
  return FIELD_OF[rule] ?? 'title';
}
