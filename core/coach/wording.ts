import type { Measure } from '../measure';
import type { GoalNode } from '../model';
import { formatNumber } from './context';
import { lexicon } from './lexicon';
import { type Quantity, readTitle } from './text';
import type { Finding } from './types';
import type { CoachLocale } from './words';

/**
 * A better title for a goal, made from the goal's own words and measure, for the findings where
 * one can be derived mechanically (the web's "use this wording"). Other findings only have their
 * prose suggestion: rewriting a title needs the person's judgement there.
 *
 * - `objective-has-metric`: the numbers (and the "to", "by", "of" in front of them) leave the title.
 * - `kr-direction-conflict`: the direction word follows the measure, and so do the numbers.
 * - `kr-title-measure-mismatch`: the title's "from X to Y" takes the measure's numbers.
 *
 * @example
 * betterWording({ rule: 'objective-has-metric', ... }, objective) // "Grow revenue" for "Grow revenue to $5M"
 */
export function betterWording(
  finding: Pick<Finding, 'rule'>,
  goal: GoalNode,
  locale: CoachLocale = 'en',
): string | undefined {
  const lex = lexicon(locale);
  const facts = readTitle(goal.title, lex);
  let wording: string | undefined;
  if (finding.rule === 'objective-has-metric' && goal.type === 'objective') {
    const numbers = facts.quantities.filter((q) => !q.isYear && !q.isName);
    wording = withoutQuantities(goal.title, numbers);
  } else if (finding.rule === 'kr-direction-conflict' && goal.type !== 'objective') {
    const m = numeric(goal.measure);
    if (!m) return undefined;
    const word = facts.directionWord;
    let title = goal.title;
    if (word) {
      const at = title.toLowerCase().indexOf(word.toLowerCase());
      if (at >= 0) {
        const verb = m.type === 'increase' ? 'raise' : 'reduce';
        const cased = title[at] === title[at]!.toUpperCase() ? capitalise(verb) : verb;
        title = title.slice(0, at) + cased + title.slice(at + word.length);
      }
    }
    wording = withMeasureNumbers(title, m, locale);
  } else if (finding.rule === 'kr-title-measure-mismatch' && goal.type !== 'objective') {
    const m = numeric(goal.measure);
    if (m) wording = withMeasureNumbers(goal.title, m, locale);
  }
  return wording && wording !== goal.title ? wording : undefined;
}

type Numeric = Extract<Measure, { type: 'increase' | 'decrease' }>;

function numeric(measure: Measure | undefined): Numeric | undefined {
  return measure && (measure.type === 'increase' || measure.type === 'decrease') ? measure : undefined;
}

const CONNECTOR = /\s*\b(?:to|by|of|at|over|under|from|for|than)\s*$/i;

/** The title with each quantity (and a connector word right before it) cut out. */
function withoutQuantities(title: string, quantities: readonly Quantity[]): string {
  let out = title;
  for (const q of [...quantities].sort((a, b) => b.index - a.index)) {
    const before = out.slice(0, q.index);
    // "for 500 new teams": the connector stays when words follow that still need it.
    const after = out.slice(q.end);
    const keepConnector = /^\s+\p{L}/u.test(after) && /\bfor\s*$/i.test(before);
    out = (keepConnector ? before : before.replace(CONNECTOR, '')) + after;
  }
  return out
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .trim();
}

/** The title saying the measure's "from start to target", replacing the pair it has, or added. */
function withMeasureNumbers(title: string, m: Numeric, locale: CoachLocale): string {
  const unit = m.unit ?? '';
  const value = (n: number) => `${formatNumber(n)}${unit === '%' ? '%' : unit ? ` ${unit}` : ''}`;
  const pair = `from ${value(m.start)} to ${value(m.target)}`;
  const facts = readTitle(title, lexicon(locale));
  if (facts.fromTo) {
    const start = facts.fromTo.from.index;
    const end = facts.fromTo.to.end;
    const head = title.slice(0, start).replace(/\s*\bfrom\s*$/i, '');
    return `${head} ${pair}${title.slice(end)}`.replace(/\s{2,}/g, ' ').trim();
  }
  const numbers = facts.quantities.filter((q) => !q.isYear && !q.isName);
  if (numbers.length > 0) return title;
  return `${title.trim()} ${pair}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
