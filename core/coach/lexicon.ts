import { type CoachLexicon, type CoachLocale, LEXICONS } from './words';

/**
 * The word lists of a locale compiled for fast reading: word sets that match every inflected
 * form, and the number pattern with the locale's units and multipliers. Built once per locale.
 */

/** A set of words and phrases matched in any inflected form ("ship", "ships", "shipped"). */
export class WordSet {
  readonly #single = new Map<string, string>();
  readonly #multi = new Map<string, { base: string; tail: string[] }[]>();
  /** Every form a match can start with, for a one-lookup rejection of the other tokens. */
  readonly #heads = new Set<string>();

  constructor(entries: readonly string[], irregular: Readonly<Record<string, string>> = {}) {
    const irregularByBase = new Map<string, string[]>();
    for (const [form, base] of Object.entries(irregular)) {
      irregularByBase.set(base, [...(irregularByBase.get(base) ?? []), form]);
    }
    for (const entry of entries) {
      const [head, ...tail] = entry.split(' ');
      if (!head) continue;
      const forms = [...inflections(head), ...(irregularByBase.get(head) ?? [])];
      for (const form of forms) {
        this.#heads.add(form);
        if (tail.length === 0) {
          if (!this.#single.has(form)) this.#single.set(form, entry);
        } else {
          const list = this.#multi.get(form) ?? [];
          list.push({ base: entry, tail });
          this.#multi.set(form, list);
        }
      }
    }
  }

  /** The entry matched at `tokens[i]` and how many tokens it spans, longest phrase first. */
  matchAt(tokens: readonly string[], i: number): { base: string; length: number } | undefined {
    const token = tokens[i];
    if (token === undefined || !this.#heads.has(token)) return undefined;
    let best: { base: string; length: number } | undefined;
    for (const { base, tail } of this.#multi.get(token) ?? []) {
      if (tail.every((word, k) => tokens[i + 1 + k] === word) && (!best || tail.length + 1 > best.length)) {
        best = { base, length: tail.length + 1 };
      }
    }
    if (best) return best;
    const single = this.#single.get(token);
    return single === undefined ? undefined : { base: single, length: 1 };
  }

  /** The first entry found anywhere in `tokens`. */
  find(tokens: readonly string[], from = 0): { base: string; index: number } | undefined {
    for (let i = from; i < tokens.length; i++) {
      if (!this.#heads.has(tokens[i]!)) continue;
      const hit = this.matchAt(tokens, i);
      if (hit) return { base: hit.base, index: i };
    }
    return undefined;
  }
}

/** Base form, third person, past and -ing forms (with and without a doubled last consonant). */
function inflections(word: string): string[] {
  const forms = [word];
  if (!/^[a-z]+$/.test(word) || word.length < 2) return forms;
  const last = word.at(-1)!;
  const stem = word.slice(0, -1);
  if (/(s|x|z|ch|sh|o)$/.test(word)) forms.push(`${word}es`);
  else if (/[^aeiou]y$/.test(word)) forms.push(`${stem}ies`);
  else forms.push(`${word}s`);
  if (last === 'e') forms.push(`${word}d`, `${stem}ing`);
  else if (/[^aeiou]y$/.test(word)) forms.push(`${stem}ied`, `${word}ing`);
  else forms.push(`${word}ed`, `${word}ing`, `${word}${last}ed`, `${word}${last}ing`);
  return forms;
}

/** A lexicon with its word sets and patterns built, once per locale. */
export interface CompiledLexicon {
  words: CoachLexicon;
  fillers: Set<string>;
  task: WordSet;
  softTask: WordSet;
  /** Task verbs of key results and SMART goals that objectives may use for outcomes. */
  work: WordSet;
  outcomeVerbs: WordSet;
  upNouns: WordSet;
  downNouns: WordSet;
  comparatives: WordSet;
  frequencies: WordSet;
  fractions: WordSet;
  months: Set<string>;
  notOneBefore: Set<string>;
  notOneAfter: WordSet;
  /** Numbers written as words, with compounds ("twenty-five"), where they may start (global). */
  numberWord: RegExp;
  /** Every verb the coach knows, for finding the main verb after an adverb ("meaningfully participate"). */
  verbs: WordSet;
  doneMarkers: WordSet;
  activity: WordSet;
  activityNouns: WordSet;
  impact: WordSet;
  vague: WordSet;
  up: WordSet;
  down: WordSet;
  targetVerbs: WordSet;
  businessAsUsual: WordSet;
  objectiveStyle: WordSet;
  objectiveStyleWeak: WordSet;
  objectiveStyleExceptions: WordSet;
  lagging: WordSet;
  teamMetrics: WordSet;
  overHundred: WordSet;
  negativePercent: WordSet;
  money: WordSet;
  newWords: WordSet;
  halves: WordSet;
  countUnits: Set<string>;
  standardNames: Set<string>;
  rankWords: Set<string>;
  stopwords: Set<string>;
  timeWords: Set<string>;
  /** Every verb the coach knows, left out when comparing what titles measure. */
  anyVerb: WordSet;
  /** Stop words, time words, unit words and multipliers: left out when comparing what titles measure. */
  notMetric: Set<string>;
  /** Metric synonyms ("net promoter score", also written "net-promoter-score"), and the name each folds to. */
  aliases: { phrases: WordSet; names: Map<string, string> };
  /** A number with an optional sign and currency: where numbers may start. */
  number: RegExp;
  /** What may follow a number (multiplier, unit), anchored where the number ends (sticky). */
  numberSuffix: RegExp;
  unitByWord: Map<string, string>;
  atLeastBefore: RegExp;
  atMostBefore: RegExp;
  /** Text ending in the word for a start ("from"), a target ("to"), a change ("by"). */
  fromBefore: RegExp;
  toBefore: RegExp;
  byBefore: RegExp;
  /** What may stand between the two numbers of "from A teams to B". */
  toBetween: RegExp;
  /** What may stand between the two numbers of "to B from A" ("from", "from current"). */
  fromBetween: RegExp;
  /** Events that say when a SMART goal is done ("be promoted", "pass"). */
  achievement: WordSet;
  /** Text ending in a count noun and a bound ("accounts over"): the number after it picks what is counted. */
  qualifierBefore: RegExp;
}

const compiled = new Map<string, CompiledLexicon>();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of words: letters need a word end after them, symbols do not. */
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+') + (/\p{L}$/u.test(w) ? '(?![\\p{L}\\p{N}])' : ''))
    .join('|');

/** The compiled lexicon of a locale (cached). */
export function lexicon(locale: CoachLocale = 'en'): CompiledLexicon {
  const known = compiled.get(locale);
  if (known) return known;
  const w: CoachLexicon = LEXICONS[locale];
  const set = (list: readonly string[]) => new WordSet(list, w.irregular);
  const unitByWord = new Map<string, string>();
  for (const [unit, names] of Object.entries(w.units)) for (const name of names) unitByWord.set(name, unit);
  const numberSuffix = new RegExp(
    [
      `(?:\\s?(${alternation(Object.keys(w.multipliers))}))?`,
      `(?:\\s?(${alternation([...unitByWord.keys()])}))?`,
      '(?![\\p{L}\\p{N}/:]|[-.,]\\d)',
    ].join(''),
    'iuy',
  );
  const endsWithWord = (word: string) => new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(word)}\\s*$`, 'u');
  const aliasNames = new Map(Object.entries(w.metricAliases));
  const before = (list: readonly string[]) =>
    new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${alternation(list)})\\s*$`, 'iu');
  const result: CompiledLexicon = {
    words: w,
    fillers: new Set(w.fillers),
    task: set(w.taskVerbs),
    softTask: set(w.softTaskVerbs),
    work: set(w.workVerbs),
    outcomeVerbs: set(w.outcomeVerbs),
    upNouns: new WordSet(w.upNouns),
    downNouns: new WordSet(w.downNouns),
    comparatives: new WordSet(w.comparatives),
    frequencies: new WordSet(w.frequencies),
    fractions: new WordSet(Object.keys(w.fractionPhrases)),
    months: new Set(w.months),
    notOneBefore: new Set(w.notOneBefore),
    notOneAfter: new WordSet(w.notOneAfter),
    numberWord: new RegExp(
      `(?<![\\p{L}\\p{N}])(${alternation(Object.keys(w.numberWords))})(?:[-\\s](${alternation(Object.keys(w.numberWords).filter((k) => w.numberWords[k]! < 10 && w.numberWords[k]! > 0))}))?(?![\\p{L}\\p{N}]|-\\p{L})`,
      'giu',
    ),
    verbs: set([
      ...w.upVerbs,
      ...w.downVerbs,
      ...w.vagueVerbs,
      ...w.taskVerbs,
      ...w.workVerbs,
      ...w.activityVerbs,
      ...w.targetVerbs,
      ...w.businessAsUsual,
    ]),
    doneMarkers: new WordSet(w.doneMarkers),
    activity: set(w.activityVerbs),
    activityNouns: set(w.activityNouns),
    impact: set(w.impactPhrases),
    vague: set(w.vagueVerbs),
    up: set(w.upVerbs),
    down: set(w.downVerbs),
    targetVerbs: set(w.targetVerbs),
    businessAsUsual: set(w.businessAsUsual),
    objectiveStyle: set(w.objectiveStyle),
    objectiveStyleWeak: set(w.objectiveStyleWeak),
    objectiveStyleExceptions: set(w.objectiveStyleExceptions),
    lagging: set(w.laggingMetrics),
    teamMetrics: set(w.teamMetrics),
    overHundred: set(w.overHundredPercent),
    negativePercent: set(w.negativePercent),
    money: set(w.moneyWords),
    newWords: new WordSet(w.newWords),
    halves: new WordSet(w.halfPhrases),
    countUnits: new Set(w.countUnits),
    standardNames: new Set(w.standardNames),
    rankWords: new Set(w.rankWords),
    stopwords: new Set(w.stopwords),
    timeWords: new Set(w.timeWords),
    anyVerb: set([
      ...w.upVerbs,
      ...w.downVerbs,
      ...w.vagueVerbs,
      ...w.taskVerbs,
      ...w.targetVerbs,
      ...w.businessAsUsual,
    ]),
    notMetric: new Set([...w.stopwords, ...w.timeWords, ...unitByWord.keys(), ...Object.keys(w.multipliers)]),
    aliases: {
      phrases: new WordSet([...aliasNames.keys()].flatMap((phrase) => [phrase, phrase.replace(/ /g, '-')])),
      names: new Map(
        [...aliasNames].flatMap(([phrase, name]) => [
          [phrase, name],
          [phrase.replace(/ /g, '-'), name],
        ]),
      ),
    },
    number: /([-−](?=\d))?(?:([$€£¥])\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)/g,
    numberSuffix,
    unitByWord,
    atLeastBefore: before(w.atLeast),
    atMostBefore: before(w.atMost),
    fromBefore: new RegExp(
      `(?:^|[^\\p{L}])${escapeRegExp(w.from)}(?:\\s+(?:${alternation(w.baselineWords)}))?\\s*$`,
      'iu',
    ),
    toBefore: endsWithWord(w.to),
    byBefore: endsWithWord(w.by),
    toBetween: new RegExp(`^(?:[\\p{L}%-]+\\s+){0,2}${escapeRegExp(w.to)}$`, 'u'),
    fromBetween: new RegExp(`^${escapeRegExp(w.from)}(?:\\s+(?:${alternation(w.baselineWords)}))?$`, 'iu'),
    achievement: set(w.achievementEvents),
    qualifierBefore: new RegExp(
      `(?:^|[^\\p{L}])(?:${alternation(w.countUnits)})\\s+(?:${alternation([...w.atLeast, ...w.atMost])})\\s*$`,
      'iu',
    ),
  };
  compiled.set(locale, result);
  return result;
}
