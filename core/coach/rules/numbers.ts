import { nearlyEqual } from '../../measure';
import type { KeyResultNode, ObjectiveNode, SmartGoalNode } from '../../model';
import {
  aboutUnit,
  formatNumber,
  type Hit,
  type LintContext,
  type Rule,
  roundForPeople,
  withUnit,
} from '../context';
import { type Direction, directionOfPair, mentions, type Quantity } from '../text';
import { canonicalUnit, measureUnit, numericMeasure } from './shape';

/**
 * Rules about the numbers of key results (and SMART goals, which are measured the same way):
 * directions that disagree, impossible values, timid and wild targets, titles and measures that
 * say different things.
 */

type Measured = KeyResultNode | SmartGoalNode;
type Check = (goal: Measured, ctx: LintContext, objective?: ObjectiveNode) => Hit | undefined;

/** The same check for KRs and SMART goals. */
const onMeasured = (check: Check): Pick<Rule, 'keyResult' | 'smartGoal'> => ({
  keyResult: (kr, objective, ctx) =>
    kr.progressSource === 'aligned' ? undefined : check(kr, ctx, objective),
  smartGoal: (goal, ctx) => check(goal, ctx),
});

const arrow = (d: Direction) => (d === 'up' ? 'up' : 'down');

export const krDirectionConflict: Rule = {
  id: 'kr-direction-conflict',
  severity: 'error',
  summary: 'the text says reduce while the target is above the start, or the reverse (KRs and SMART goals)',
  ...onMeasured((goal, ctx) => {
    const facts = ctx.text(goal);
    const m = numericMeasure(goal);
    const measureDir: Direction | undefined = m ? (m.type === 'increase' ? 'up' : 'down') : undefined;
    const pair = facts.fromTo;
    const textDir = pair ? directionOfPair(pair.from.value, pair.to.value) : undefined;
    const word = facts.directionWord;
    const fix = 'Make the words, the numbers and the measure say the same thing.';
    if (facts.direction && measureDir && facts.direction !== measureDir && m) {
      return {
        message: `The title says "${word}" but the measure goes ${arrow(measureDir)}, from ${formatNumber(m.start)} to ${formatNumber(m.target)}.`,
        suggestion: `${fix} To go ${facts.direction}: measure: {type: ${facts.direction === 'up' ? 'increase' : 'decrease'}, start: ${formatNumber(m.target)}, target: ${formatNumber(m.start)}}, or reword the title.`,
      };
    }
    if (facts.direction && textDir && facts.direction !== textDir && pair) {
      return {
        message: `The title says "${word}" but its numbers go ${arrow(textDir)}, from ${pair.from.text} to ${pair.to.text}.`,
        suggestion: `${fix} E.g. "${capitalise(word ?? '')} ... from ${pair.to.text} to ${pair.from.text}" if ${pair.to.text} is today's value.`,
      };
    }
    if (textDir && measureDir && textDir !== measureDir && pair && m) {
      return {
        message: `The title goes ${arrow(textDir)} from ${pair.from.text} to ${pair.to.text} but the measure goes ${arrow(measureDir)} from ${formatNumber(m.start)} to ${formatNumber(m.target)}.`,
        suggestion: `${fix} E.g. measure: {type: ${textDir === 'up' ? 'increase' : 'decrease'}, start: ${pair.from.written}, target: ${pair.to.written}}.`,
      };
    }
    return undefined;
  }),
};

export const krImpossibleValue: Rule = {
  id: 'kr-impossible-value',
  severity: 'error',
  summary: 'a percentage over 100 or under 0, or a negative count (KRs and SMART goals)',
  ...onMeasured((goal, ctx) => {
    const facts = ctx.text(goal);
    const m = goal.measure;
    const unit = m && 'unit' in m ? canonicalUnit(measureUnit(goal), ctx) : undefined;
    const isPercent = unit === '%';
    const isCount = unit !== undefined && ctx.lex.countUnits.has(unit);
    const hasPercentText = facts.quantities.some((q) => q.unit === '%' && q.role !== 'change');
    if (!isPercent && !isCount && !hasPercentText) return undefined;
    const measureValues: number[] = [];
    if (m?.type === 'increase' || m?.type === 'decrease') measureValues.push(m.start, m.target);
    else if (m?.type === 'at_least' || m?.type === 'at_most') measureValues.push(m.threshold);
    else if (m?.type === 'between') measureValues.push(m.low, m.high);
    const percents = isPercent ? [...measureValues] : [];
    for (const q of facts.quantities) if (q.unit === '%' && q.role !== 'change') percents.push(q.value);
    const over = percents.find((v) => v > 100);
    const under = percents.find((v) => v < 0);
    const bad =
      over !== undefined && !mentions(facts, ctx.lex.overHundred)
        ? over
        : under !== undefined && !mentions(facts, ctx.lex.negativePercent)
          ? under
          : undefined;
    if (bad !== undefined) {
      return {
        message: `${formatNumber(bad)}% is not a possible share: a share of a whole runs from 0% to 100%.`,
        suggestion:
          'Check the number and the unit. If it really can pass 100% (net revenue retention, quota attainment), name that metric in the title: "Raise net revenue retention from 104% to 112%".',
      };
    }
    const negative = isCount ? measureValues.find((v) => v < 0) : undefined;
    if (negative !== undefined) {
      return {
        message: `${formatNumber(negative)} ${measureUnit(goal) ?? ''} is a negative count: a count cannot go below 0.`,
        suggestion: 'Check the sign: a count of customers, tickets or users starts at 0 or more.',
      };
    }
    return undefined;
  }),
};

export const krTooTimid: Rule = {
  id: 'kr-too-timid',
  severity: 'warning',
  summary: 'an aspirational KR whose relative change is under 30% (2% to 2.5%) (settings)',
  keyResult(kr, objective, ctx) {
    if (objective.kind === 'committed' || kr.progressSource === 'aligned') return undefined;
    const values = startAndTarget(kr, ctx);
    if (!values && !kr.measure) return timidInTitle(kr, objective, ctx);
    if (!values || values.start === 0) return undefined;
    const { start, target, unit } = values;
    const limit = ctx.thresholds.timidRatio;
    const change = Math.abs(target - start) / Math.abs(start);
    if (change >= limit) return undefined;
    // Closing most of the gap to 100% is no small step (95% to 99% is hard), whatever the ratio.
    if (unit === '%' && target > start && start < 100 && (target - start) / (100 - start) >= limit)
      return undefined;
    const isMoney = (unit !== undefined && /^[$€£¥]$/.test(unit)) || mentions(ctx.text(kr), ctx.lex.money);
    // Bounded scales move little in relative terms even when the step is bold: a rate or score
    // that is already high (62% margin, engagement 68 of 100), a rating (CSAT 4.1 of 5).
    const isBounded =
      ((unit === undefined || unit === '%' || unit === 'pts') && start >= 50 && target <= 100) ||
      (unit === '%' && start >= 50) ||
      (!Number.isInteger(start) && Math.abs(start) <= 10 && unit !== '%');
    const stretch = roundForPeople(
      start + Math.sign(target - start) * Math.abs(start) * Math.max(limit, 0.5),
    );
    return {
      message: `${withUnit(start, unit)} to ${withUnit(target, unit)} is a ${Math.round(change * 100)}% change: an aspirational KR that small is likely to be hit in full, which means it was not a stretch.`,
      suggestion: `Stretch it (e.g. to ${withUnit(stretch, unit)}) so that 0.7 is a real win, or mark the objective kind: committed if this change must simply happen.`,
      isHedged: objective.kind === undefined || Boolean(isMoney) || isBounded,
    };
  },
};

/**
 * A relative change stated in the title of a KR with no measure ("Increase visitors by 5%"):
 * under the timid ratio it is timid. The start is unknown, so the room left under a ceiling cannot
 * be judged: from half the ratio up (15% to 30% by default) the finding is hedged.
 */
function timidInTitle(kr: KeyResultNode, objective: ObjectiveNode, ctx: LintContext): Hit | undefined {
  const facts = ctx.text(kr);
  const change = facts.change;
  if (change?.unit !== '%' || facts.fromTo !== undefined) return undefined;
  const size = Math.abs(change.amount) / 100;
  const limit = ctx.thresholds.timidRatio;
  if (size === 0 || size >= limit) return undefined;
  const isMoney = mentions(facts, ctx.lex.money) !== undefined;
  return {
    message: `"${change.text}" is a ${formatNumber(Math.abs(change.amount))}% change: an aspirational KR that small is likely to be hit in full, which means it was not a stretch.`,
    suggestion: `Stretch it (e.g. by ${formatNumber(Math.max(limit, 0.5) * 100)}%) so that 0.7 is a real win, state the start ("from ... to ...") if it is already near its ceiling, or mark the objective kind: committed.`,
    isHedged: objective.kind === undefined || isMoney || size >= limit / 2,
  };
}

export const targetTooWild: Rule = {
  id: 'target-too-wild',
  severity: 'warning',
  summary: 'a committed KR or SMART goal of type increase whose target is at least twice a positive start',
  ...onMeasured((goal, ctx, objective) => {
    if (objective && objective.kind !== 'committed') return undefined;
    const m = numericMeasure(goal);
    if (m?.type !== 'increase' || m.start <= 0) return undefined;
    const ratio = m.target / m.start;
    if (ratio < ctx.thresholds.wildRatio) return undefined;
    const unit = canonicalUnit(m.unit, ctx);
    const isSmallCount = m.start < 10 && unit !== '%' && !(unit && /^[$€£¥]$/.test(unit));
    const kind = goal.type === 'smart_goal' ? 'a SMART goal' : 'a committed key result';
    return {
      message: `${withUnit(m.start, m.unit)} to ${withUnit(m.target, m.unit)} is ${formatNumber(roundForPeople(ratio))} times the start: ${kind} is expected to be met in full.`,
      suggestion:
        goal.type === 'smart_goal'
          ? `Commit to what you are sure of (e.g. ${aboutUnit(m.start * 1.5, m.unit)}) and split the rest into a later goal, or make it an aspirational KR.`
          : `Commit to what you are sure of (e.g. ${aboutUnit(m.start * 1.5, m.unit)}) and put the stretch in an aspirational objective.`,
      isHedged: isSmallCount,
    };
  }),
};

export const krTitleMeasureMismatch: Rule = {
  id: 'kr-title-measure-mismatch',
  severity: 'warning',
  summary: 'the title says one start or target and the measure another (KRs and SMART goals)',
  ...onMeasured((goal, ctx) => {
    const pair = ctx.text(goal).fromTo;
    if (!pair || pair.from.isYear || pair.to.isYear) return undefined;
    const m = numericMeasure(goal);
    if (!m) return undefined;
    const fromOk = sameNumber(pair.from, m.start);
    const toOk = sameNumber(pair.to, m.target);
    if (fromOk && toOk) return undefined;
    // Swapped numbers are a direction conflict, reported by that rule.
    if (sameNumber(pair.from, m.target) && sameNumber(pair.to, m.start)) return undefined;
    return {
      message: `The title says ${pair.from.text} to ${pair.to.text} but the measure says ${formatNumber(m.start)} to ${formatNumber(m.target)}: people read one and the score uses the other.`,
      suggestion: `Make them agree, e.g. measure: {type: ${m.type}, start: ${pair.from.written}, target: ${pair.to.written}${m.unit ? `, unit: "${m.unit}"` : ''}}.`,
    };
  }),
};

/** Whether a number in a title stands for a measure value: as written, scaled ($1.2M), or as a fraction (45%). */
function sameNumber(q: Quantity, value: number): boolean {
  return (
    nearlyEqual(q.value, value) ||
    nearlyEqual(q.written, value) ||
    (q.unit === '%' && nearlyEqual(q.value / 100, value))
  );
}

/** Start and target from the measure, else from the title's "from A to B". */
function startAndTarget(
  goal: Measured,
  ctx: LintContext,
): { start: number; target: number; unit?: string | undefined } | undefined {
  const m = numericMeasure(goal);
  if (m) return { start: m.start, target: m.target, unit: canonicalUnit(m.unit, ctx) };
  const pair = ctx.text(goal).fromTo;
  if (!pair || pair.from.isYear || pair.to.isYear || pair.from.value === pair.to.value) return undefined;
  return { start: pair.from.value, target: pair.to.value, unit: pair.from.unit ?? pair.to.unit };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const NUMBER_RULES: readonly Rule[] = [
  krDirectionConflict,
  krImpossibleValue,
  krTooTimid,
  targetTooWild,
  krTitleMeasureMismatch,
];
