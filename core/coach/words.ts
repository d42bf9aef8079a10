import { EN } from './words.en';

/**
 * The word lists the coach reads titles with, one set per locale (SPEC 4: "word lists live per
 * locale"). Verbs are given in their base form; the text module derives the inflected forms
 * ("ship" also matches "ships", "shipped", "shipping"), and `irregular` maps the forms it cannot
 * derive ("built" -> "build"). Phrases are written lower case with single spaces and no hyphens:
 * "world class" also matches "World-class".
 */
export interface CoachLexicon {
  /** Words skipped before the main verb: "We will ship...", "Successfully launch...". */
  fillers: readonly string[];
  /** Irregular verb forms to their base form. */
  irregular: Readonly<Record<string, string>>;
  /** Deliverables: a goal starting with one is a task (output), not an outcome. */
  taskVerbs: readonly string[];
  /** Softer output verbs ("build a culture" can be an outcome): findings are hedged. */
  softTaskVerbs: readonly string[];
  /** Past forms that mark a task done when a title starts with the thing: "SSO shipped". */
  doneMarkers: readonly string[];
  /**
   * Verbs that make a key result or a SMART goal a task ("Renegotiate the supplier contracts",
   * "Train the support team"), though an objective may start with one and still name an outcome
   * ("Resolve most customer issues before they escalate"): `objective-is-output` ignores them.
   */
  workVerbs: readonly string[];
  /** Activities rather than outcomes ("consult", "work on"). */
  activityVerbs: readonly string[];
  /** Things people count when they count activity ("20 customer calls"). */
  activityNouns: readonly string[];
  /**
   * Verbs that make a count an outcome others produce, not an activity of the team: "Reach 10,000
   * monthly visits", "Generate 500 qualified leads" (the up and target verbs count too).
   */
  outcomeVerbs: readonly string[];
  /** Phrases naming the impact an activity should have, which rescue an activity count. */
  impactPhrases: readonly string[];
  /** Verbs that name no metric by themselves ("improve"). */
  vagueVerbs: readonly string[];
  /** Verbs that say the number should go up, or down. */
  upVerbs: readonly string[];
  downVerbs: readonly string[];
  /** Nouns of a relative change after a percentage ("a 5% reduction in churn"), by direction. */
  upNouns: readonly string[];
  downNouns: readonly string[];
  /** Verbs that name an absolute target ("reach 10,000"). */
  targetVerbs: readonly string[];
  /** Verbs and phrases of business as usual. */
  businessAsUsual: readonly string[];
  /** Objective-style language that makes a SMART goal unspecific. */
  objectiveStyle: readonly string[];
  /**
   * Vague wishes a SMART goal may be written as: states and comparatives with no amount ("be
   * happy", "eat healthier", "read more"). A task verb with one of these is not a deliverable
   * ("Write better code").
   */
  comparatives: readonly string[];
  /** Softer objective-style words ("become"): findings are hedged. */
  objectiveStyleWeak: readonly string[];
  /** Phrases that make objective-style words concrete ("best practices", "become certified"). */
  objectiveStyleExceptions: readonly string[];
  /** Metrics that lag (results), for `kr-all-lagging`. */
  laggingMetrics: readonly string[];
  /** Outcome metrics of a team, for `smart-should-be-kr`. */
  teamMetrics: readonly string[];
  /** Metrics whose percentages may rightly exceed 100 ("net revenue retention 115%"). */
  overHundredPercent: readonly string[];
  /** Metrics whose percentages may rightly be negative ("growth -5%"). */
  negativePercent: readonly string[];
  /** Units of things counted, which cannot be negative. */
  countUnits: readonly string[];
  /** Words of money metrics (a 20% change in revenue is rarely timid). */
  moneyWords: readonly string[];
  /** Words saying a count starts from zero ("20 new customers"). */
  newWords: readonly string[];
  /** Words before a number that make it a name, not a metric ("ISO 27001", "SOC 2"). */
  standardNames: readonly string[];
  /** Rank phrases before a number ("top 3"). */
  rankWords: readonly string[];
  /** Function words left out when comparing what two titles measure. */
  stopwords: readonly string[];
  /** Time words left out when comparing what two titles measure. */
  timeWords: readonly string[];
  /** Synonyms of metric names, mapped to one spelling ("net promoter score" -> "nps"). */
  metricAliases: Readonly<Record<string, string>>;
  /** Unit words after a number, by canonical unit. */
  units: Readonly<Record<string, readonly string[]>>;
  /** Multiplier words after a number ("$1.2M", "10k", "3 million"). */
  multipliers: Readonly<Record<string, number>>;
  /** Numbers written as words ("ten percent", "twenty-five"), with their value. */
  numberWords: Readonly<Record<string, number>>;
  /** Words before "one" that make it a pronoun, not a number ("each one", "no one"). */
  notOneBefore: readonly string[];
  /** Words after "one" that make it an idiom, not a number ("one of the", "one another"). */
  notOneAfter: readonly string[];
  /** Month names and abbreviations: a number next to one is a date, not a metric ("March 4"). */
  months: readonly string[];
  /** How often something happens, which makes a SMART goal measurable ("daily", "per week"). */
  frequencies: readonly string[];
  /** Relative changes written as fractions ("by a third"), with their share. */
  fractionPhrases: Readonly<Record<string, number>>;
  /** Verbs that multiply ("double"), with their factor; "halve" is a down verb with factor 0.5. */
  multiplyVerbs: Readonly<Record<string, number>>;
  /** Phrases that halve ("in half"). */
  halfPhrases: readonly string[];
  /** Words before a number that make it a lower bound ("at least", "above"). */
  atLeast: readonly string[];
  /** Words before a number that make it an upper bound ("at most", "below"). */
  atMost: readonly string[];
  /** Word before a start value ("from"), before a target ("to"), before a change ("by"). */
  from: string;
  to: string;
  by: string;
  /** Words that may stand between "from" and a start value ("from current 45%", "from today's 3%"). */
  baselineWords: readonly string[];
  /** Events that are their own definition of done in a SMART goal ("be promoted", "pass the exam"). */
  achievementEvents: readonly string[];
  /** Separators between two people in one field ("ana and li"). */
  peopleSeparators: readonly string[];
}

export const LEXICONS = { en: EN } as const satisfies Record<string, CoachLexicon>;
export type CoachLocale = keyof typeof LEXICONS;
