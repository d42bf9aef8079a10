import type { CompiledLexicon, WordSet } from './lexicon';

/**
 * Reading goal titles: words, the main verb, numbers with their units ("$1.2M", "800ms", "1,200"),
 * what each number is (a start, a target, a change, a bound) and the direction the title asks
 * for. Pure string work, compiled once per locale, so a whole organisation reads in milliseconds.
 */

/** A number in a title, with its unit and where it was written. */
export interface Quantity {
  /** The value with its multiplier and sign applied: "$1.2M" is 1,200,000. */
  value: number;
  /** The number as written, without multiplier: "$1.2M" is 1.2. */
  written: number;
  /** Canonical unit: "%", "pp", "pts", "ms", "s", "min", "h", "d", "wk", "mo", "x", or a currency sign. */
  unit?: string | undefined;
  hasMultiplier: boolean;
  /** A bare four-digit number from 1900 to 2100: a year, not a metric. */
  isYear: boolean;
  /** Part of a name, not a metric: "ISO 27001", "SOC 2", "Tier 1". */
  isName: boolean;
  /** An ordinal ("the 2nd ring"): a number, but not a metric of an objective. */
  isOrdinal?: boolean | undefined;
  /** Written as a word ("ten percent", "six million"). */
  isWord?: boolean | undefined;
  /** What the words around it make it. */
  role: 'start' | 'target' | 'change' | 'at_least' | 'at_most' | 'plain';
  text: string;
  index: number;
  end: number;
}

export type Direction = 'up' | 'down';

/** What a title says, read once and shared by every rule. */
export interface TitleFacts {
  title: string;
  /** Words as written (split on spaces). */
  wordCount: number;
  /** Lower-case word tokens; hyphenated words stay whole ("lower-tier"). */
  tokens: string[];
  /** Where each token starts in the title. */
  tokenStarts: number[];
  /** Index in `tokens` of the main verb: the first word after fillers and a short "Topic:" prefix. */
  mainIndex: number;
  /** Lower-case tokens with hyphens split ("world-class" is "world", "class"), for phrase search. */
  flatTokens: string[];
  quantities: Quantity[];
  /** "from 45 to 65", "45 to 65", "45 -> 65". */
  fromTo?: { from: Quantity; to: Quantity } | undefined;
  /** An absolute target with no start: "to 65", "reach 10,000". */
  target?: Quantity | undefined;
  /** A relative change: "by 20%", "in half", "double". */
  change?: { amount: number; unit?: string | undefined; text: string } | undefined;
  /** How often, when the title says ("daily", "per week", "twice"). */
  frequency?: string | undefined;
  /** Direction asked for by the words, when every direction word agrees. */
  direction?: Direction | undefined;
  /** The first direction word, as written ("reduce", "grows"). */
  directionWord?: string | undefined;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const TOKEN_WALK = new RegExp(TOKEN.source, 'gu');

/** Lower-case word tokens of a text; hyphenated words stay whole. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/**
 * Reads a title: its words, main verb position, numbers and what they are, and its direction.
 *
 * @example
 * const facts = readTitle('Grow weekly active teams from 1,200 to 2,000', lexicon('en'));
 * facts.fromTo?.from.value // 1200
 * facts.direction // 'up'
 */
export function readTitle(title: string, lex: CompiledLexicon): TitleFacts {
  const lower = title.toLowerCase().replace(/[’‘]/g, "'");
  const tokens: string[] = [];
  const tokenStarts: number[] = [];
  TOKEN_WALK.lastIndex = 0;
  for (let m = TOKEN_WALK.exec(lower); m !== null; m = TOKEN_WALK.exec(lower)) {
    tokens.push(m[0]);
    tokenStarts.push(m.index);
  }
  const flatTokens = SPLIT_TOKEN.test(lower) ? tokens.flatMap((t) => t.split(/['-]/)) : tokens;
  const facts: TitleFacts = {
    title,
    wordCount: countWords(title),
    tokens,
    tokenStarts,
    mainIndex: mainVerbIndex(lower, tokens, lex),
    flatTokens,
    quantities: readQuantities(lower, lower.length === title.length ? title : lower, lex),
  };
  const often = lex.frequencies.find(flatTokens);
  // "monthly active users", "annual recurring revenue" name a metric, not how often.
  if (often && !METRIC_AFTER_FREQUENCY.has(flatTokens[often.index + 1] ?? '')) facts.frequency = often.base;
  relate(facts, lower, lex);
  directionOf(facts, lex);
  return facts;
}

const METRIC_AFTER_FREQUENCY = new Set(['active', 'recurring', 'revenue', 'users', 'visits', 'visitors']);
const SPLIT_TOKEN = /[\p{L}\p{N}]['-][\p{L}\p{N}]/u;

/** Words as written, separated by white space. */
function countWords(title: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < title.length; i++) {
    const isSpace = title.charCodeAt(i) <= 32;
    if (!isSpace && !inWord) n++;
    inWord = !isSpace;
  }
  return n;
}

/** The first token after fillers; after a short "Topic:" prefix, the first token after the colon. */
function mainVerbIndex(lower: string, tokens: readonly string[], lex: CompiledLexicon): number {
  let start = 0;
  const colon = lower.indexOf(':');
  if (colon > 0 && !/\d:\d/.test(lower.slice(colon - 1, colon + 2))) {
    const prefixTokens = tokenize(lower.slice(0, colon)).length;
    if (prefixTokens <= 4) start = prefixTokens;
  }
  // "To improve X, I will ...", "In order to ..., hand out ...", "By 30 June, implement ...": the
  // goal's verb comes after the leading clause.
  if (start === 0 && LEADING_CLAUSE.test(lower)) {
    const comma = lower.indexOf(', ');
    if (comma > 0) start = tokenize(lower.slice(0, comma)).length;
  }
  let i = start;
  while (i < tokens.length - 1) {
    const token = tokens[i]!;
    if (lex.fillers.has(token)) i++;
    // "Meaningfully participate", "Consistently deliver": a manner adverb before a known verb.
    else if (token.endsWith('ly') && lex.verbs.matchAt(tokens, i + 1) !== undefined) i++;
    else break;
  }
  return Math.min(i, Math.max(0, tokens.length - 1));
}

const LEADING_CLAUSE = /^(?:in order to|to|by)\s[^,]{1,60},\s/;

const NOT_BEFORE_A_NUMBER = /[\p{L}\p{N}_./\-#:]/u;

/** Numbers of a title; `asWritten` is the title as written (same length), for quoting them back. */
function readQuantities(lower: string, asWritten: string, lex: CompiledLexicon): Quantity[] {
  const number = lex.number;
  number.lastIndex = 0;
  let match = number.exec(lower);
  const words = lex.numberWord;
  words.lastIndex = 0;
  const hasWords = words.test(lower);
  if (match === null && !hasWords) return NO_QUANTITIES;
  const out: Quantity[] = [];
  if (hasWords) {
    readNumberWords(lower, asWritten, lex, out);
    if (match === null) return out;
  }
  const suffix = lex.numberSuffix;
  for (; match !== null; match = number.exec(lower)) {
    const start = match.index;
    // A number glued to a word or another number is a name, a version or a date: "p95", "v2.1", "2026-10-01".
    if (start > 0 && NOT_BEFORE_A_NUMBER.test(lower[start - 1]!)) continue;
    const numberEnd = number.lastIndex;
    // "the 2nd ring", "March 15th": ordinals; a rate per period: "20/month".
    ORDINAL.lastIndex = numberEnd;
    const ordinal = ORDINAL.exec(lower);
    RATE.lastIndex = numberEnd;
    const rate = ordinal ? null : RATE.exec(lower);
    suffix.lastIndex = numberEnd;
    const tail = (ordinal ?? rate) ? ['', undefined, undefined] : suffix.exec(lower);
    if (!tail) continue;
    const end = ordinal ? ORDINAL.lastIndex : rate ? RATE.lastIndex : suffix.lastIndex;
    number.lastIndex = end;
    if (isDate(lower, start, end, lex)) continue;
    const [, sign, currency, digits = ''] = match;
    const [, multWord, unitWord] = tail;
    const written = Number(digits.includes(',') ? digits.replace(/,/g, '') : digits);
    if (!Number.isFinite(written)) continue;
    const multiplier = multWord ? (lex.words.multipliers[multWord.replace(/\s+/g, ' ')] ?? 1) : 1;
    const unit = currency ?? (unitWord ? lex.unitByWord.get(unitWord.replace(/\s+/g, ' ')) : undefined);
    const isBare = !currency && !unitWord && !multWord && !ordinal && !rate;
    const value = (sign ? -1 : 1) * written;
    out.push({
      value: value * multiplier,
      written: value,
      unit,
      hasMultiplier: multiplier !== 1,
      isYear: isBare && digits.length === 4 && written >= 1900 && written <= 2100,
      isName: isBare && lex.standardNames.has(wordBefore(lower, start)),
      isOrdinal: ordinal !== null,
      role: 'plain',
      text: asWritten.slice(start, end).trim(),
      index: start,
      end,
    });
  }
  if (hasWords) out.sort((a, b) => a.index - b.index);
  return out;
}

const ORDINAL = /(?:st|nd|rd|th)(?![\p{L}\p{N}])/uy;
const RATE = /\s?\/\s?(?:month|mo|week|wk|day|year|yr|quarter|hour|hr|h|sprint)(?![\p{L}\p{N}])/uy;

/** Whether the number at [start, end) is part of a date: "March 4", "4 March", "Jan 31, 2021". */
function isDate(lower: string, start: number, end: number, lex: CompiledLexicon): boolean {
  if (lex.months.has(wordBefore(lower, start).replace(/\.$/, ''))) return true;
  const after = /^\s+(?:of\s+)?([a-z]+)/.exec(lower.slice(end, end + 16));
  return after !== null && lex.months.has(after[1]!);
}

/** Numbers written as words ("ten percent", "six million", "twenty-five"), in title order. */
function readNumberWords(lower: string, asWritten: string, lex: CompiledLexicon, out: Quantity[]): void {
  const re = lex.numberWord;
  const words = lex.words.numberWords;
  re.lastIndex = 0;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    const first = m[1]!;
    let value = words[first]!;
    let end = m.index + first.length;
    if (m[2] !== undefined && value >= 20 && value < 100 && value % 10 === 0) {
      value += words[m[2]]!;
      end = m.index + m[0].length;
    }
    re.lastIndex = end;
    if (first === 'one' && m[2] === undefined && !isNumberOne(lower, m.index, end, lex)) continue;
    const suffix = lex.numberSuffix;
    suffix.lastIndex = end;
    const tail = suffix.exec(lower);
    const [, multWord, unitWord] = tail ?? [];
    if (tail) end = suffix.lastIndex;
    re.lastIndex = end;
    const multiplier = multWord ? (lex.words.multipliers[multWord.replace(/\s+/g, ' ')] ?? 1) : 1;
    out.push({
      value: value * multiplier,
      written: value,
      unit: unitWord ? lex.unitByWord.get(unitWord.replace(/\s+/g, ' ')) : undefined,
      hasMultiplier: multiplier !== 1,
      isYear: false,
      isName: false,
      isWord: true,
      role: 'plain',
      text: asWritten.slice(m.index, end).trim(),
      index: m.index,
      end,
    });
  }
}

/** "one" as a number ("one new person a month"), not a pronoun ("each one") or an idiom ("one of the"). */
function isNumberOne(lower: string, start: number, end: number, lex: CompiledLexicon): boolean {
  if (lex.notOneBefore.has(wordBefore(lower, start))) return false;
  const next = tokenize(lower.slice(end, end + 24));
  return next.length > 0 && lex.notOneAfter.matchAt(next, 0) === undefined;
}

const NO_QUANTITIES: Quantity[] = [];

/** The word just before an offset, skipping spaces and hyphens ("iso" in "ISO 27001"). */
function wordBefore(lower: string, offset: number): string {
  let end = offset;
  while (end > 0 && (lower[end - 1] === ' ' || lower[end - 1] === '-')) end--;
  let start = end;
  while (start > 0 && /\p{L}/u.test(lower[start - 1]!)) start--;
  return lower.slice(start, end);
}

/** Gives each number its role from the words around it, and finds "from A to B" pairs. */
function relate(facts: TitleFacts, lower: string, lex: CompiledLexicon): void {
  const qs = facts.quantities;
  const w = lex.words;
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i]!;
    const b = qs[i + 1]!;
    const between = lower.slice(a.end, b.index).trim();
    const beforeA = lower.slice(Math.max(0, a.index - 30), a.index);
    const isArrow = /^(?:->|→|=>|⇒)$/.test(between);
    if (isArrow || between === w.to || (lex.toBetween.test(between) && lex.fromBefore.test(beforeA))) {
      pair(facts, a, b);
      break;
    }
    if (lex.fromBetween.test(between) && lex.toBefore.test(beforeA)) {
      pair(facts, b, a);
      break;
    }
  }
  const verb =
    lex.up.matchAt(facts.tokens, facts.mainIndex) ?? lex.down.matchAt(facts.tokens, facts.mainIndex);
  const targetVerb = lex.targetVerbs.matchAt(facts.tokens, facts.mainIndex);
  for (const q of qs) {
    if (q.role !== 'plain' || q.isYear || q.isName) continue;
    const before = lower.slice(Math.max(0, q.index - 30), q.index);
    const after = lower.slice(q.end, q.end + 12);
    if (lex.atLeastBefore.test(before) || /^\s*(?:\+|or (?:more|above|higher))/.test(after))
      q.role = 'at_least';
    else if (lex.atMostBefore.test(before) || /^\s*or (?:less|below|fewer|lower)/.test(after))
      q.role = 'at_most';
    else if (lex.byBefore.test(before)) {
      q.role = 'change';
      facts.change ??= { amount: q.value, unit: q.unit, text: q.text };
    } else if (q.unit === '%' && changeNounAfter(facts, q, lex)) {
      // "A 5% reduction in churn", "68% decrease in incidents".
      q.role = 'change';
      const sign = changeNounAfter(facts, q, lex) === 'down' ? -1 : 1;
      facts.change ??= { amount: sign * Math.abs(q.value), unit: q.unit, text: q.text };
    } else if (facts.target && !facts.fromTo && lex.fromBefore.test(before)) {
      // "Achieve 99.95% uptime (from current 99.7%)": a start written after the target.
      pair(facts, q, facts.target);
    } else if (lex.toBefore.test(before) && verb) {
      q.role = 'target';
      facts.target ??= q;
    } else if (targetVerb && !facts.fromTo && tokenIndexAt(facts, q.index) > facts.mainIndex) {
      q.role = 'target';
      facts.target ??= q;
    }
  }
  if (!facts.change) {
    const half = lex.halves.find(facts.flatTokens);
    let multiply: number | undefined;
    for (let i = 0; i < facts.tokens.length && multiply === undefined; i++) {
      const base = (lex.up.matchAt(facts.tokens, i) ?? lex.down.matchAt(facts.tokens, i))?.base;
      if (base !== undefined) multiply = lex.words.multiplyVerbs[base];
    }
    const fraction = half ? undefined : lex.fractions.find(facts.flatTokens);
    const twice = /\btwice as (?:many|much)\b/.exec(lower);
    if (half) facts.change = { amount: -50, unit: '%', text: half.base };
    else if (fraction) {
      const share = lex.words.fractionPhrases[fraction.base]! * 100;
      const down = lex.down.find(facts.tokens) !== undefined;
      facts.change = { amount: down ? -share : share, unit: '%', text: fraction.base };
    } else if (twice) facts.change = { amount: 100, unit: '%', text: twice[0] };
    else if (multiply !== undefined)
      facts.change = { amount: (multiply - 1) * 100, unit: '%', text: `${multiply}x` };
    else {
      const times = qs.find((q) => q.unit === 'x' && q.role === 'plain');
      if (times) facts.change = { amount: (times.value - 1) * 100, unit: '%', text: times.text };
    }
  }
}

/** The direction of a change noun right after a percentage ("5% reduction"), if any. */
function changeNounAfter(facts: TitleFacts, q: Quantity, lex: CompiledLexicon): Direction | undefined {
  const i = tokenIndexAt(facts, q.end);
  if (lex.downNouns.matchAt(facts.tokens, i)) return 'down';
  if (lex.upNouns.matchAt(facts.tokens, i)) return 'up';
  return undefined;
}

/** Units of one dimension, with their size in the smallest: times in ms, sizes in MB. */
const SCALES: readonly Readonly<Record<string, number>>[] = [
  { ms: 1, s: 1_000, min: 60_000, h: 3_600_000, d: 86_400_000, wk: 604_800_000 },
  { MB: 1, GB: 1_024, TB: 1_048_576 },
];

function pair(facts: TitleFacts, from: Quantity, to: Quantity): void {
  // "from 30 to 10 minutes", "from $1.2M to 2M": the unit written once applies to both.
  if (!from.unit && to.unit) from.unit = to.unit;
  if (!to.unit && from.unit) to.unit = from.unit;
  // "from 2 hours to 30 minutes": the start in the target's unit (120 min), so they compare.
  const [a, b] = [from.unit, to.unit];
  const scale =
    a !== undefined && b !== undefined && a !== b ? SCALES.find((s) => a in s && b in s) : undefined;
  if (scale) {
    const value = (from.value * scale[a!]!) / scale[b!]!;
    Object.assign(from, { value, written: value, hasMultiplier: false, unit: b });
  }
  from.role = 'start';
  to.role = 'target';
  facts.fromTo = { from, to };
}

/** How many tokens start before a character offset: the index of the first token at or after it. */
export function tokenIndexAt(facts: TitleFacts, offset: number): number {
  let i = 0;
  while (i < facts.tokenStarts.length && facts.tokenStarts[i]! < offset) i++;
  return i;
}

/** The direction every direction word of the title agrees on; none when they disagree. */
function directionOf(facts: TitleFacts, lex: CompiledLexicon): void {
  let up = false;
  let down = false;
  let first: string | undefined;
  for (let i = 0; i < facts.tokens.length; i++) {
    const isDown =
      lex.down.matchAt(facts.tokens, i) !== undefined || lex.downNouns.matchAt(facts.tokens, i) !== undefined;
    const isUp =
      !isDown &&
      (lex.up.matchAt(facts.tokens, i) !== undefined || lex.upNouns.matchAt(facts.tokens, i) !== undefined);
    if (isDown || isUp) first ??= facts.tokens[i];
    down ||= isDown;
    up ||= isUp;
  }
  if (up === down) return;
  facts.direction = up ? 'up' : 'down';
  facts.directionWord = first;
}

/** The base of the word set entry the title's main verb matches, if any. */
export function mainVerb(facts: TitleFacts, set: WordSet): string | undefined {
  return set.matchAt(facts.tokens, facts.mainIndex)?.base;
}

/** Whether a word or phrase of the set appears anywhere in the title (hyphens split). */
export function mentions(facts: TitleFacts, set: WordSet): string | undefined {
  return set.find(facts.flatTokens)?.base;
}

/** The direction a pair of numbers goes. */
export function directionOfPair(from: number, to: number): Direction | undefined {
  if (to > from) return 'up';
  if (to < from) return 'down';
  return undefined;
}

/**
 * What a title measures, for comparing titles: its content words with numbers, units, verbs,
 * stop words and time words left out, and metric synonyms folded ("net promoter score" is "nps").
 *
 * @example
 * metricWords(readTitle('Raise Net Promoter Score to 70', lexicon('en')), lexicon('en')) // ['nps']
 */
export function metricWords(facts: TitleFacts, lex: CompiledLexicon): string[] {
  const tokens = facts.tokens;
  const { phrases, names } = lex.aliases;
  const out: string[] = [];
  const add = (word: string) => {
    if (!out.includes(word)) out.push(word);
  };
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    // Numbers, with or without a glued unit ("800ms", "2m"), are values, not what is measured.
    const first = word.charCodeAt(0);
    if ((first >= 48 && first <= 57) || lex.notMetric.has(word)) continue;
    if (facts.quantities.length > 0 && insideQuantity(facts, facts.tokenStarts[i]!)) continue;
    const alias = phrases.matchAt(tokens, i);
    if (alias) {
      add(names.get(alias.base) ?? alias.base);
      i += alias.length - 1;
      continue;
    }
    const verb = lex.anyVerb.matchAt(tokens, i);
    if (verb) {
      i += verb.length - 1;
      continue;
    }
    add(singular(word));
  }
  return out.sort();
}

function insideQuantity(facts: TitleFacts, offset: number): boolean {
  for (const q of facts.quantities) if (offset >= q.index && offset < q.end) return true;
  return false;
}

/** A light singular: "customers" -> "customer", keeping "process", "status", "analysis". */
function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
