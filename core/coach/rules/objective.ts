import type { ObjectiveNode } from '../../model';
import { isLive, plural, type Rule, type TargetedHit } from '../context';
import { mainVerb, type Quantity } from '../text';
import { hasManner } from './shape';

/** Rules about an objective on its own: its words, its lead, its kind and how many there are. */

const quote = (text: string) => `"${text}"`;

export const objectiveHasMetric: Rule = {
  id: 'objective-has-metric',
  severity: 'warning',
  summary: "an objective's title holds a number, percentage or amount (numbers belong in KRs)",
  objective(o, ctx) {
    const facts = ctx.text(o);
    // "Become one team" is not a metric: "one" as a word without a unit is left out.
    const lower = o.title.toLowerCase();
    const numbers = facts.quantities.filter(
      (q) =>
        !q.isYear &&
        !q.isName &&
        !(q.isWord && q.value === 1 && q.unit === undefined) &&
        !isAgeBucket(q, lower),
    );
    const first = numbers[0];
    if (!first) return undefined;
    const isRank = numbers.every(
      (q) =>
        q.isOrdinal ||
        /(?:^|\s)(?:top|no\.?|number|rank(?:ed)?|#)\s*$/.test(
          lower.slice(Math.max(0, q.index - 12), q.index),
        ),
    );
    return {
      message: isRank
        ? `The objective holds a rank (${quote(first.text)}): a rank is a key result, not a direction.`
        : `The objective holds a number (${quote(first.text)}): numbers belong in its key results.`,
      suggestion: `Keep the objective qualitative and let a key result carry ${quote(first.text)}: instead of "Grow revenue to $5M", write the objective "Win the mid-market" with the KR "Grow mid-market ARR from $3M to $5M".`,
      isHedged: isRank,
    };
  },
};

const AGE_UNITS = new Set(['d', 'wk', 'mo']);

/**
 * An age that picks what is counted, not a target: "receivables past 60 days due", "invoices over
 * 90 days old", "tickets older than 30 days".
 */
function isAgeBucket(q: Quantity, lower: string): boolean {
  if (q.unit === undefined || !AGE_UNITS.has(q.unit)) return false;
  const before = lower.slice(Math.max(0, q.index - 14), q.index);
  const after = lower.slice(q.end, q.end + 14);
  return /(?:^|\s)older than\s*$/.test(before) || /^\s*(?:past due|overdue|due|old)(?![\p{L}])/u.test(after);
}

export const objectiveIsOutput: Rule = {
  id: 'objective-is-output',
  severity: 'warning',
  summary: 'an objective is phrased as a task or deliverable ("launch", "build", "migrate"...)',
  objective(o, ctx) {
    const facts = ctx.text(o);
    const verb = mainVerb(facts, ctx.lex.task);
    // "Run GitLab.com more efficiently": the way of working is the change.
    if (!verb || hasManner(facts)) return undefined;
    return {
      message: `${quote(capitalise(facts.tokens[facts.mainIndex] ?? verb))} makes the objective a task or deliverable; an objective says what should change.`,
      suggestion:
        'Name the change the work should bring, and keep the deliverable as a SMART goal beneath it: instead of "Launch the partner portal", write the objective "Make partners successful without our help" with the SMART goal "Launch the partner portal by 15 Nov".',
      isHedged: ctx.lex.softTask.matchAt([verb], 0) !== undefined,
    };
  },
};

export const objectiveBusinessAsUsual: Rule = {
  id: 'objective-business-as-usual',
  severity: 'warning',
  summary: 'an objective keeps things as they are ("maintain", "continue", "keep", "sustain", "as usual")',
  objective(o, ctx) {
    const facts = ctx.text(o);
    const verb = mainVerb(facts, ctx.lex.businessAsUsual);
    const phrase = verb ?? (/\b(?:as usual|status quo)\b/i.exec(o.title)?.[0] || undefined);
    if (!phrase) return undefined;
    return {
      message: `${quote(capitalise(phrase))} describes business as usual: an objective should change something.`,
      suggestion:
        'Track what must stay healthy as a maintain-type KR (at_least, at_most) under an objective that moves something: instead of "Maintain high uptime", write "Make reliability a reason customers choose us" with the KR "Keep API availability at or above 99.9% every week".',
    };
  },
};

export const objectiveLength: Rule = {
  id: 'objective-length',
  severity: 'warning',
  summary: 'an objective title is under 4 or over 18 words (settings)',
  objective(o, ctx) {
    const words = ctx.text(o).wordCount;
    const { minObjectiveWords: min, maxObjectiveWords: max } = ctx.thresholds;
    if (words < min) {
      return {
        message: `The title has ${plural(words, 'word')}: too short to say where you are going and why it matters.`,
        suggestion:
          'Say the change and who it is for in one sentence: instead of "Customer love", write "Make onboarding effortless for every new team".',
        isHedged: true,
      };
    }
    if (words > max) {
      return {
        message: `The title has ${words} words: too long to remember and rally around (at most ${max}).`,
        suggestion:
          'Keep one memorable sentence and move the detail into the description and the key results: "Make the product feel instant for every customer".',
      };
    }
    return undefined;
  },
};

export const tooManyObjectives: Rule = {
  id: 'too-many-objectives',
  severity: 'warning',
  summary:
    'more than 5 objectives for the company, or more than 3 for one unit or person, in a cycle (settings)',
  organisation(ctx) {
    const groups = new Map<string, { label: string; limit: number; objectives: ObjectiveNode[] }>();
    const t = ctx.thresholds;
    for (const o of ctx.org.objectives) {
      if (!isLive(o)) continue;
      let scope: string;
      let label: string;
      let limit: number;
      if (ctx.isCompanyObjective(o)) {
        scope = 'company';
        label = 'The company';
        limit = t.maxObjectivesCompany;
      } else if (o.unit !== undefined) {
        scope = `unit:${o.unit}`;
        label = ctx.unitLabel(o.unit);
        limit = t.maxObjectivesUnit;
      } else {
        scope = `person:${o.owner}`;
        label = o.owner ?? 'One person';
        limit = t.maxObjectivesPerson;
      }
      const key = `${o.cycle}\u0000${scope}`;
      const group = groups.get(key) ?? { label, limit, objectives: [] };
      group.objectives.push(o);
      groups.set(key, group);
    }
    const hits: TargetedHit[] = [];
    for (const { label, limit, objectives } of groups.values()) {
      const extra = objectives[limit];
      if (!extra) continue;
      const n = objectives.length;
      hits.push({
        goal: extra,
        message: `${label} has ${n} objectives in ${extra.cycle}; more than ${limit} splits focus.`,
        suggestion: `Keep the ${limit} that matter most this cycle; make the others key results or SMART goals under them, or move them to the next cycle.`,
      });
    }
    return hits;
  },
};

export const objectiveNoLead: Rule = {
  id: 'objective-no-lead',
  severity: 'warning',
  summary: 'an objective has no single accountable lead',
  objective(o, ctx) {
    const lead = o.lead ?? o.owner;
    if (lead === undefined || lead.trim() === '') {
      return {
        message: 'Nobody leads this objective: when everyone owns it, nobody does.',
        suggestion: 'Name one accountable person: lead: maria@example.com',
      };
    }
    const separator = ctx.lex.words.peopleSeparators.find((s) => lead.includes(s));
    if (separator === undefined) return undefined;
    return {
      message: `The lead names several people (${quote(lead)}): one person should be accountable.`,
      suggestion: 'Pick one lead; the others can own key results: lead: maria@example.com',
    };
  },
};

export const objectiveKindMissing: Rule = {
  id: 'objective-kind-missing',
  severity: 'info',
  summary: 'committed or aspirational is not chosen',
  objective(o) {
    if (o.kind !== undefined) return undefined;
    return {
      message:
        'Committed or aspirational is not chosen: it decides whether 0.7 is a success or a miss, so it is graded as aspirational.',
      suggestion:
        'Say which it is: kind: aspirational (a stretch: about 0.7 is success) or kind: committed (it must happen: 1.0 expected).',
    };
  },
};

export const krCount: Rule = {
  id: 'kr-count',
  severity: 'warning',
  summary: 'fewer than 2 or more than 5 key results on an objective (settings)',
  objective(o, ctx) {
    const n = o.keyResults.length;
    const { minKeyResults: min, maxKeyResults: max } = ctx.thresholds;
    if (n === 0) {
      return {
        message:
          'The objective has no key results: it has no score, and nobody can tell whether it was reached.',
        suggestion:
          'Add 2 to 5 key results that would prove it: "Raise 7-day activation from 35% to 50%", "Cut time to first dashboard from 30 to 10 minutes".',
      };
    }
    if (n < min) {
      return {
        message: `The objective has ${plural(n, 'key result')}: one number rarely shows the whole outcome, and it is easy to game.`,
        suggestion:
          'Add a key result that balances it, such as a quality measure beside a volume one: "Grow weekly active teams from 1,200 to 2,000" with "Keep 30-day retention at or above 40%".',
      };
    }
    if (n > max) {
      return {
        message: `The objective has ${n} key results: more than ${max} dilutes focus.`,
        suggestion: `Keep the ${max} that best prove the outcome; track the rest as SMART goals or health metrics.`,
      };
    }
    return undefined;
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const OBJECTIVE_RULES: readonly Rule[] = [
  objectiveHasMetric,
  objectiveIsOutput,
  objectiveBusinessAsUsual,
  objectiveLength,
  tooManyObjectives,
  objectiveNoLead,
  objectiveKindMissing,
  krCount,
];
