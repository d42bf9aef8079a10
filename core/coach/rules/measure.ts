import type { KeyResultNode, SmartGoalNode } from '../../model';
import type { Hit, Rule } from '../context';
import type { TitleFacts } from '../text';
import { shapeOf } from './shape';

/**
 * A goal without a complete measure is a draft: it gets no progress, score or status (SPEC 9).
 * The coach says what is missing, and when the title already holds the numbers, writes the
 * measure for it. Cases other rules already explain (no number at all, a target with no start,
 * a task, an activity) are left to them.
 */

/** The measure a title states, as YAML, when it states one. */
function measureFromTitle(facts: TitleFacts): string | undefined {
  const unit = (u: string | undefined) => (u ? `, unit: "${u}"` : '');
  const pair = facts.fromTo;
  if (pair && !pair.from.isYear && !pair.to.isYear && pair.from.value !== pair.to.value) {
    const type = pair.to.value > pair.from.value ? 'increase' : 'decrease';
    // Words and numbers that disagree are a direction conflict: no measure to suggest.
    if (facts.direction && facts.direction !== (type === 'increase' ? 'up' : 'down')) return undefined;
    return `{type: ${type}, start: ${pair.from.value}, target: ${pair.to.value}${unit(pair.to.unit)}}`;
  }
  const bound = facts.quantities.find((q) => q.role === 'at_least' || q.role === 'at_most');
  if (bound) return `{type: ${bound.role}, threshold: ${bound.value}${unit(bound.unit)}}`;
  return undefined;
}

function incomplete(goal: KeyResultNode | SmartGoalNode): Hit {
  const fields = goal.missing.map((f) => f.replace('measure.', '')).join(', ');
  return {
    message: `The measure has no ${fields}: until it has, the goal is a draft with no progress or status.`,
    suggestion: 'Complete the measure, e.g. measure: {type: increase, start: 35, target: 50, unit: "%"}.',
  };
}

export const measureIncomplete: Rule = {
  id: 'measure-incomplete',
  severity: 'info',
  summary: 'a KR or SMART goal has no measure, or an incomplete one: it is a draft and gets no numbers',
  keyResult(kr, _o, ctx) {
    if (kr.progressSource === 'aligned' || kr.measure || !kr.missing.includes('measure')) return undefined;
    const shape = shapeOf(kr, ctx);
    if (shape.isTask || shape.activityVerb || shape.activityCount) return undefined;
    const stated = measureFromTitle(shape.facts);
    if (!stated) return undefined;
    return {
      message:
        'No measure yet: the title has the numbers, but the KR gets no score until the measure says them.',
      suggestion: `Add measure: ${stated}`,
    };
  },
  smartGoal(goal, ctx) {
    if (goal.measure || goal.missing.length === 0) return undefined;
    if (!goal.missing.includes('measure')) return incomplete(goal);
    const facts = ctx.text(goal);
    const stated = measureFromTitle(facts);
    if (stated) {
      return {
        message:
          'No measure yet: the title has the numbers, but the goal gets no progress until the measure says them.',
        suggestion: `Add measure: ${stated}`,
      };
    }
    // With neither a definition of done nor a number, smart-not-measurable says it.
    if (!goal.definitionOfDone?.trim()) return undefined;
    const count = facts.quantities.find((q) => !q.isYear && !q.isName && q.role === 'plain');
    return {
      message: 'No measure: the goal gets no progress or status, so nobody sees it move or go stale.',
      suggestion: count
        ? `Count the work done: measure: {type: increase, start: 0, target: ${count.value}}, or name its steps: {type: milestones, milestones: [Draft, Review, Ship]}.`
        : 'Name its steps, measure: {type: milestones, milestones: [Draft, Review, Ship]}, or make it done/not done: measure: {type: boolean}.',
    };
  },
};
