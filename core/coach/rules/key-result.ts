import type { KeyResultNode } from '../../model';
import { isLive, type Rule, type TargetedHit } from '../context';
import { mainVerb, mentions } from '../text';
import { canonicalUnit, measureUnit, shapeOf } from './shape';

/** Rules about what a key result measures: an outcome, with a metric and a baseline. */

export const krIsActivity: Rule = {
  id: 'kr-is-activity',
  severity: 'warning',
  summary:
    'a KR is an activity, not an outcome ("consult", "help", "work on", "attend", counts of meetings, calls or posts)',
  keyResult(kr, _o, ctx) {
    const shape = shapeOf(kr, ctx);
    const pair = shape.facts.fromTo;
    // "Support tickets resolved in a day, from 60% to 80%": a metric that starts with a verb-like word.
    if (shape.activityVerb && !(pair && pair.from.value !== 0)) {
      return {
        message: `"${shape.activityVerb}" describes an activity, not the outcome it should bring.`,
        suggestion:
          'Measure the change the activity is for: instead of "Support the sales team with demos", write "Raise demo-to-close rate from 15% to 25%".',
        isHedged: kr.leading || shape.hasOutcomeNumbers || shape.hasImpact,
      };
    }
    if (shape.activityCount) {
      const { quantity, noun } = shape.activityCount;
      return {
        message: `Counts ${noun}s (${quantity.text}), an activity: it names no impact.`,
        suggestion: kr.leading
          ? `Keep it as a leading KR only beside one that measures the impact, e.g. "Raise trial-to-paid conversion from 12% to 18%".`
          : `Measure what the ${noun}s should change: instead of "Hold 20 customer calls", write "Raise trial-to-paid conversion from 12% to 18%"; track the ${noun}s as a SMART goal, or as a KR with leading: true.`,
        isHedged: kr.leading,
      };
    }
    return undefined;
  },
};

export const krNotMeasurable: Rule = {
  id: 'kr-not-measurable',
  severity: 'warning',
  summary: 'a KR has no number and no done/not-done definition; vague verbs ("improve") with no metric',
  keyResult(kr, _o, ctx) {
    if (kr.progressSource === 'aligned' || kr.measure) return undefined;
    const shape = shapeOf(kr, ctx);
    if (shape.isTask || shape.activityVerb || shape.activityCount) return undefined;
    const missing = kr.missing.filter((field) => field !== 'measure.start');
    if (missing.length === 0) return undefined;
    if (missing.includes('measure')) {
      if (shape.facts.change || shape.facts.quantities.some((q) => !q.isYear && !q.isName)) return undefined;
      const vague = mainVerb(shape.facts, ctx.lex.vague);
      return {
        message: vague
          ? `"${vague}" names no metric, and the KR has no number and no measure: nobody can tell whether it was reached.`
          : 'The KR has no number and no measure: nobody can tell whether it was reached.',
        suggestion: `Name the metric, where it is now and where it should be: instead of "${kr.title}", write something like "Raise 7-day activation from 35% to 50%" with measure: {type: increase, start: 35, target: 50, unit: "%"}.`,
      };
    }
    const fields = missing.map((f) => f.replace('measure.', '')).join(', ');
    return {
      message: `The measure has no ${fields}: the KR cannot be scored.`,
      suggestion: 'Complete the measure, e.g. measure: {type: increase, start: 35, target: 50, unit: "%"}.',
    };
  },
};

export const krNoBaseline: Rule = {
  id: 'kr-no-baseline',
  severity: 'warning',
  summary: 'a KR has a target but no start value (in the measure or the text)',
  keyResult(kr, _o, ctx) {
    if (kr.progressSource === 'aligned' || kr.measure) return undefined;
    const facts = ctx.text(kr);
    if (kr.missing.includes('measure.start')) {
      const written = facts.fromTo?.from;
      return {
        message: written
          ? `The title starts from ${written.text} but the measure has no start: it cannot be scored.`
          : 'The measure has a target but no start value: nobody can tell how big a step it is.',
        suggestion: written
          ? `Copy it into the measure: start: ${written.written}`
          : 'Add today\'s value as the start, e.g. measure: {type: decrease, start: 3, target: 1.5, unit: "%"}, and say it in the title: "Reduce churn from 3% to 1.5%".',
        isHedged: written !== undefined,
      };
    }
    if (!kr.missing.includes('measure') || facts.fromTo) return undefined;
    if (facts.target) {
      if (mentions(facts, ctx.lex.newWords)) return undefined;
      const target = facts.target.text;
      return {
        message: `The KR aims at ${target} but says nothing about where it starts: is that a big step or a small one?`,
        suggestion: `Add today's value: "${facts.title.replace(/\s+$/, '')}" becomes "... from <today's value> to ${target}", with measure: {type: increase or decrease, start: <today's value>, target: ${facts.target.written}}.`,
        isHedged: facts.target.unit === '%' && facts.target.role === 'target' && !facts.direction,
      };
    }
    if (facts.change) {
      return {
        message: `"${facts.change.text}" is relative to a start value the KR does not state.`,
        suggestion: `State the start so the change can be scored: "Reduce churn by 20%" becomes "Reduce churn from 2.5% to 2%" with measure: {type: decrease, start: 2.5, target: 2, unit: "%"}.`,
        isHedged: true,
      };
    }
    return undefined;
  },
};

export const krShouldBeSmart: Rule = {
  id: 'kr-should-be-smart',
  severity: 'warning',
  summary: 'a KR is phrased as a task (a deliverable): it belongs in the SMART tier',
  keyResult(kr, _o, ctx) {
    const shape = shapeOf(kr, ctx);
    const isDoneOrNot = kr.measure?.type === 'milestones' || kr.measure?.type === 'boolean';
    if (!shape.isTask && !(isDoneOrNot && !shape.hasOutcomeNumbers && !shape.activityVerb)) return undefined;
    const what = shape.isTask
      ? `"${shape.taskVerb}" makes it a task`
      : `A ${kr.measure?.type} measure makes it a task`;
    return {
      message: `${what}: a key result measures an outcome; the work belongs in the SMART tier.`,
      suggestion: `Make "${kr.title}" a SMART goal (with a due date) that supports a KR measuring the outcome it should move, e.g. "Raise 7-day activation from 35% to 50%".`,
      isHedged: !shape.isTask || shape.isSoftTask || shape.isTaskUncertain,
    };
  },
};

export const krAllLagging: Rule = {
  id: 'kr-all-lagging',
  severity: 'info',
  summary:
    'every KR of an objective measures a lagging result (revenue, churn, NPS...) and none is tagged leading',
  objective(o, ctx) {
    const krs = o.keyResults;
    if (krs.length < 2 || krs.some((kr) => kr.leading)) return undefined;
    const lagging = krs.map((kr) => mentions(ctx.text(kr), ctx.lex.lagging));
    if (lagging.some((word) => word === undefined)) return undefined;
    return {
      message: `Every key result measures a lagging result (${[...new Set(lagging)].join(', ')}) and none is tagged leading: you will learn late whether the plan works.`,
      suggestion:
        'Add a key result that moves earlier and tag it: "Raise weekly active use of reports from 30% to 45%" with leading: true.',
    };
  },
};

export const krDuplicateMetric: Rule = {
  id: 'kr-duplicate-metric',
  severity: 'warning',
  summary: 'two KRs in one cycle measure the same metric',
  organisation(ctx) {
    const first = new Map<string, { kr: KeyResultNode; words: string[] }>();
    const hits: TargetedHit[] = [];
    for (const o of ctx.org.objectives) {
      if (!isLive(o)) continue;
      for (const kr of o.keyResults) {
        if (kr.progressSource === 'aligned') continue;
        const words = ctx.metric(kr);
        if (words.length === 0) continue;
        const unit = canonicalUnit(measureUnit(kr), ctx) ?? '';
        const key = `${kr.cycle}\u0000${words.join(' ')}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, { kr, words });
          continue;
        }
        const earlierUnit = canonicalUnit(measureUnit(earlier.kr), ctx) ?? '';
        if (unit && earlierUnit && unit !== earlierUnit) continue;
        const sameObjective = earlier.kr.objectiveKey === kr.objectiveKey;
        const otherObjective = ctx.goal(earlier.kr.objectiveKey);
        const sameUnit = otherObjective?.type === 'objective' && otherObjective.unit === o.unit;
        hits.push({
          goal: kr,
          message: `Measures the same metric (${words.join(' ')}) as "${earlier.kr.key}" (${earlier.kr.title}).`,
          suggestion: sameObjective
            ? 'Keep one key result per metric; if both matter, measure a different side of the outcome (quality beside volume).'
            : `If this team owns a part of it, say which part ("... for EMEA customers") or align this objective to "${earlier.kr.key}" with source: aligned.`,
          isHedged: !sameObjective && !sameUnit,
        });
      }
    }
    return hits;
  },
};

export const KEY_RESULT_RULES: readonly Rule[] = [
  krIsActivity,
  krNotMeasurable,
  krNoBaseline,
  krShouldBeSmart,
  krAllLagging,
  krDuplicateMetric,
];
