import type { Rule } from '../context';
import { RULE_IDS, type RuleId } from '../types';
import { CHECKIN_RULES } from './checkin';
import { KEY_RESULT_RULES } from './key-result';
import { measureIncomplete } from './measure';
import { NUMBER_RULES } from './numbers';
import { OBJECTIVE_RULES } from './objective';
import { SMART_RULES } from './smart';
import { TREE_RULES } from './tree';

const byId = new Map<RuleId, Rule>(
  [
    ...OBJECTIVE_RULES,
    ...KEY_RESULT_RULES,
    ...NUMBER_RULES,
    measureIncomplete,
    ...SMART_RULES,
    ...TREE_RULES,
    ...CHECKIN_RULES,
  ].map((rule) => [rule.id, rule]),
);

/** Every rule of the coach, in the order of `RULE_IDS`. */
export const RULES: readonly Rule[] = RULE_IDS.map((id) => {
  const rule = byId.get(id);
  if (!rule) throw new Error(`coach rule ${id} is not implemented`);
  return rule;
});
