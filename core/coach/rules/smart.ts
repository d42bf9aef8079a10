import { nearlyEqual, rawProgress } from '../../measure';
import type { SmartGoalNode } from '../../model';
import { DAY_MS } from '../../time';
import {
  aboutUnit,
  formatNumber,
  plural,
  type Rule,
  roundForPeople,
  type TargetedHit,
  withUnit,
} from '../context';
import type { CompiledLexicon } from '../lexicon';
import { mainVerb, mentions } from '../text';
import { numericMeasure, shapeOf } from './shape';

/** Rules for the SMART tier: specific, measurable, achievable, relevant, time-bound, owned. */

export const smartNotSpecific: Rule = {
  id: 'smart-not-specific',
  severity: 'warning',
  summary:
    'a SMART goal in objective-style language ("become", "world-class", "best") or with no concrete deliverable',
  smartGoal(goal, ctx) {
    const facts = ctx.text(goal);
    const lex = ctx.lex;
    if (mentions(facts, lex.objectiveStyleExceptions)) return undefined;
    const rank = /(?:^|\s)(?:#\s?1|no\.\s?1|number 1)(?![\p{L}\p{N}])/iu.exec(goal.title)?.[0]?.trim();
    const strong = rank ?? mentions(facts, lex.objectiveStyle);
    const weak = strong ?? mentions(facts, lex.objectiveStyleWeak);
    if (weak) {
      return {
        message: `"${weak}" is objective-style language: a SMART goal names a concrete result.`,
        suggestion:
          'Say exactly what will exist when it is done: instead of "Become the go-to tool for finance teams", write "Publish 3 finance-team templates in the gallery by 30 Nov".',
        isHedged: strong === undefined,
      };
    }
    const vague = mainVerb(facts, lex.vague);
    if (vague && !goal.definitionOfDone) {
      return {
        message: `"${vague}" names no concrete deliverable, and there is no definition of done.`,
        suggestion: `Name the thing that will be delivered: instead of "${goal.title}", write something like "Cut the signup form from 9 fields to 4 by 15 Nov".`,
        isHedged: true,
      };
    }
    return undefined;
  },
};

export const smartNotMeasurable: Rule = {
  id: 'smart-not-measurable',
  severity: 'warning',
  summary: 'a SMART goal with no definition of done and no number',
  smartGoal(goal, ctx) {
    if (goal.definitionOfDone?.trim()) return undefined;
    const type = goal.measure?.type;
    if (type !== undefined && type !== 'boolean') return undefined;
    if (type === undefined && goal.missing.some((f) => f !== 'measure')) return undefined;
    const facts = ctx.text(goal);
    // Numbers (names such as "SOC 2" or "B2" too), and how often ("daily", "once per semester").
    if (facts.quantities.some((q) => !q.isYear) || facts.frequency) return undefined;
    if (facts.tokens.some((t) => /\p{L}/u.test(t) && /\d/.test(t) && !ORDINAL_TOKEN.test(t)))
      return undefined;
    // A deliverable says when it is done ("Publish the FAQ", "Send out the welcome letters"),
    // unless it is a wish ("Write better code", "Develop better understanding").
    const near = facts.tokens.slice(facts.mainIndex + 1, facts.mainIndex + 5);
    const wish = ctx.lex.comparatives.find(near)?.base;
    if (type === undefined && shapeOf(goal, ctx).taskVerb && !wish) return undefined;
    // An event is its own definition of done when it names what: "Be promoted to district manager",
    // "Pass the CPA exam" (not a bare "Get promoted").
    const event = ctx.lex.achievement.matchAt(facts.tokens, facts.mainIndex);
    if (
      type === undefined &&
      !wish &&
      event &&
      namesWhat(facts.tokens.slice(facts.mainIndex + event.length), ctx.lex)
    )
      return undefined;
    return {
      message:
        type === 'boolean'
          ? 'Done or not done, but done how? There is no definition of done.'
          : wish
            ? `"${wish}" by how much, and when is it done? There is no number and no definition of done.`
            : 'No definition of done and no number: nobody can tell when it is finished.',
      suggestion:
        'Add definition_of_done: "Tutorial live for all new sign-ups, covering the 5 workflows", or a measure such as {type: milestones, milestones: [Draft, Review, Ship]}.',
      isHedged: type === 'boolean',
    };
  },
};

const ORDINAL_TOKEN = /^\d+(?:st|nd|rd|th)$/;

/** Whether words after an event name something: a content word that is not a stop or time word. */
function namesWhat(rest: readonly string[], lex: CompiledLexicon): boolean {
  return rest.some((t) => /\p{L}{2,}/u.test(t) && !lex.notMetric.has(t));
}

export const smartNotAchievable: Rule = {
  id: 'smart-not-achievable',
  severity: 'warning',
  summary:
    "an owner's open SMART goals in a cycle exceed the capacity setting, or the target needs several times the recent pace",
  smartGoal(goal, ctx) {
    const m = numericMeasure(goal);
    const t = ctx.at;
    if (!m || goal.state !== 'open' || t < goal.window.start || t >= goal.window.end) return undefined;
    const recent = goal.checkins.filter((c) => c.at <= t && c.at >= goal.window.start).slice(-4);
    const first = recent[0];
    const last = recent.at(-1);
    if (!first || !last || last.at - first.at < 7 * DAY_MS) return undefined;
    const progressPerDay =
      (rawProgress(m, last.value) - rawProgress(m, first.value)) / ((last.at - first.at) / DAY_MS);
    const remaining = 1 - rawProgress(m, last.value);
    const daysLeft = (goal.window.end - t) / DAY_MS;
    if (progressPerDay <= 0 || remaining <= 0 || nearlyEqual(remaining, 0) || daysLeft <= 0) return undefined;
    const needed = remaining / daysLeft;
    const times = needed / progressPerDay;
    if (times < ctx.thresholds.paceRatio) return undefined;
    const perWeek = (m.target - m.start) * progressPerDay * 7;
    const projected = last.value + (m.target - m.start) * progressPerDay * daysLeft;
    return {
      message: `At the recent pace (about ${aboutUnit(Math.abs(perWeek), m.unit)} a week) it reaches about ${aboutUnit(projected, m.unit)} by the due date; ${withUnit(m.target, m.unit)} needs ${formatNumber(roundForPeople(times))} times that pace.`,
      suggestion: `Reset the target to what the pace allows (about ${aboutUnit(projected, m.unit)}), move the due date, or write in the achievability note what will change the pace.`,
      isHedged: Boolean(goal.achievability?.trim()),
    };
  },
  organisation(ctx) {
    const byOwner = new Map<string, SmartGoalNode[]>();
    for (const goal of ctx.org.smartGoals) {
      if (goal.state !== 'open' || goal.owner === undefined) continue;
      const key = `${goal.cycle}\u0000${goal.owner.toLowerCase()}`;
      const list = byOwner.get(key);
      if (list) list.push(goal);
      else byOwner.set(key, [goal]);
    }
    const capacity = ctx.thresholds.smartCapacity;
    const hits: TargetedHit[] = [];
    for (const goals of byOwner.values()) {
      if (goals.length <= capacity) continue;
      const sorted = [...goals].sort((a, b) => a.window.end - b.window.end);
      const extra = sorted[capacity]!;
      hits.push({
        goal: extra,
        message: `${extra.owner} has ${goals.length} open SMART goals in ${extra.cycle}; more than ${capacity} at once rarely all get done.`,
        suggestion: `Finish ${capacity} before starting more: defer or drop ${plural(goals.length - capacity, 'goal')}, or hand some to a teammate.`,
      });
    }
    return hits;
  },
};

export const smartNotRelevant: Rule = {
  id: 'smart-not-relevant',
  severity: 'warning',
  summary: 'a SMART goal that supports no KR or objective',
  smartGoal(goal) {
    if (goal.parents.length > 0) return undefined;
    return {
      message: 'Supports no key result or objective: it is not clear why it matters this cycle.',
      suggestion:
        'Link it to the key result it moves: supports: <key of the KR>. If it supports nothing, consider dropping it.',
    };
  },
};

export const smartNotTimeBound: Rule = {
  id: 'smart-not-time-bound',
  severity: 'warning',
  summary: "a SMART goal with no due date, or due after the supported KR's cycle ends",
  smartGoal(goal, ctx) {
    if (!goal.dueDate) {
      return {
        message: 'No due date: a SMART goal is time-bound (without one it runs to the end of the cycle).',
        suggestion: `Add the date it will be done by: due: ${ctx.date(goal.window.end - 1)}`,
      };
    }
    for (const link of goal.parents) {
      const parent = ctx.goal(link.key);
      const objective = parent?.type === 'key_result' ? ctx.objectiveOf(parent.key) : parent;
      if (objective?.type !== 'objective' || goal.window.end <= objective.window.end) continue;
      const last = ctx.date(objective.window.end - 1);
      return {
        message: `Due ${goal.dueDate}, after the ${objective.cycle} cycle of "${link.key}" ends (${last}): it cannot help that result in time.`,
        suggestion: `Bring the due date inside the cycle (due: ${last} at the latest), or link it to a goal of the next cycle.`,
      };
    }
    return undefined;
  },
};

export const smartShouldBeKr: Rule = {
  id: 'smart-should-be-kr',
  severity: 'info',
  summary: 'a SMART goal phrased as an outcome metric of the team (revenue, churn, NPS...): it may be a KR',
  smartGoal(goal, ctx) {
    const facts = ctx.text(goal);
    const shape = shapeOf(goal, ctx);
    if (!facts.direction || shape.isTask) return undefined;
    if (!facts.fromTo && !facts.target && !facts.change) return undefined;
    const metric = mentions(facts, ctx.lex.teamMetrics);
    if (!metric) return undefined;
    return {
      message: `Reads as an outcome metric of the team (${metric}): it may be a key result.`,
      suggestion:
        "If the team owns this number, make it a KR of the team's objective and keep this person's concrete steps as SMART goals beneath it.",
    };
  },
};

export const smartNoOwner: Rule = {
  id: 'smart-no-owner',
  severity: 'warning',
  summary: 'a SMART goal with no owner, or with several',
  smartGoal(goal, ctx) {
    const owner = goal.owner?.trim();
    if (!owner) {
      return {
        message: 'Nobody owns this SMART goal: the execution tier needs one person per goal.',
        suggestion: 'Name the person who will do it: owner: ana@example.com',
      };
    }
    if (!ctx.lex.words.peopleSeparators.some((s) => owner.includes(s))) return undefined;
    return {
      message: `The owner names several people ("${owner}"): one person should own it.`,
      suggestion: 'Pick one owner, or split it into one SMART goal per person.',
    };
  },
};

export const SMART_RULES: readonly Rule[] = [
  smartNotSpecific,
  smartNotMeasurable,
  smartNotAchievable,
  smartNotRelevant,
  smartNotTimeBound,
  smartShouldBeKr,
  smartNoOwner,
];
