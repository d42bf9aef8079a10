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
  /** Direction asked for by the words, when every direction word agrees. */
  direction?: Direction | undefined;
  /** The first direction word, as written ("reduce", "grows"). */
  directionWord?: string | undefined;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

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
  const tokens = tokenize(lower);
  const flatTokens = tokens.flatMap((t) => t.split(/['-]/));
  const facts: TitleFacts = {
    title,
    wordCount: title.trim().split(/\s+/).filter(Boolean).length,
    tokens,
    mainIndex: mainVerbIndex(lower, tokens, lex),
    flatTokens,
    quantities: readQuantities(lower, lower.length === title.length ? title : lower, lex),
  };
  relate(facts, lower, lex);
  directionOf(facts, lex);
  return facts;
}

/** The first token after fillers; after a short "Topic:" prefix, the first token after the colon. */
function mainVerbIndex(lower: string, tokens: readonly string[], lex: CompiledLexicon): number {
  let start = 0;
  const colon = lower.indexOf(':');
  if (colon > 0 && !/\d:\d/.test(lower.slice(colon - 1, colon + 2))) {
    const prefixTokens = tokenize(lower.slice(0, colon)).length;
    if (prefixTokens <= 4) start = prefixTokens;
  }
  let i = start;
  while (i < tokens.length - 1 && lex.fillers.has(tokens[i]!)) i++;
  return i;
}

/** Numbers of a title; `asWritten` is the title as written (same length), for quoting them back. */
function readQuantities(lower: string, asWritten: string, lex: CompiledLexicon): Quantity[] {
  const out: Quantity[] = [];
  lex.quantity.lastIndex = 0;
  for (const match of lower.matchAll(lex.quantity)) {
    const g = match.groups ?? {};
    const written = Number((g.num ?? '').replace(/,/g, ''));
    if (!Number.isFinite(written)) continue;
    const multWord = g.mult?.replace(/\s+/g, ' ');
    const multiplier = multWord ? (lex.words.multipliers[multWord] ?? 1) : 1;
    const unitWord = g.unit?.replace(/\s+/g, ' ');
    const unit = g.cur ?? (unitWord ? lex.unitByWord.get(unitWord) : undefined);
    const sign = g.sign ? -1 : 1;
    const previous = /([\p{L}]+)[\s-]*$/u.exec(lower.slice(Math.max(0, match.index - 20), match.index));
    out.push({
      value: sign * written * multiplier,
      written: sign * written,
      unit,
      hasMultiplier: multiplier !== 1,
      isYear:
        !g.cur && !g.unit && !g.mult && /^\d{4}$/.test(g.num ?? '') && written >= 1900 && written <= 2100,
      isName: !g.cur && !g.unit && !g.mult && previous !== null && lex.standardNames.has(previous[1]!),
      role: 'plain',
      text: asWritten.slice(match.index, match.index + match[0].length).trim(),
      index: match.index,
      end: match.index + match[0].length,
    });
  }
  return out;
}

/** Gives each number its role from the words around it, and finds "from A to B" pairs. */
function relate(facts: TitleFacts, lower: string, lex: CompiledLexicon): void {
  const qs = facts.quantities;
  const w = lex.words;
  const endsWith = (text: string, word: string) => new RegExp(`(?:^|[^\\p{L}])${word}\\s*$`, 'u').test(text);
  for (let i = 0; i + 1 < qs.length; i++) {
    const a = qs[i]!;
    const b = qs[i + 1]!;
    const between = lower.slice(a.end, b.index).trim();
    const beforeA = lower.slice(Math.max(0, a.index - 30), a.index);
    const isArrow = /^(?:->|→|=>|⇒)$/.test(between);
    const isTo = new RegExp(`^(?:[\\p{L}%-]+\\s+){0,2}${w.to}$`, 'u').test(between);
    if (isArrow || between === w.to || (isTo && endsWith(beforeA, w.from))) {
      pair(facts, a, b);
      break;
    }
    if (between === w.from && endsWith(beforeA, w.to)) {
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
    else if (endsWith(before, w.by)) {
      q.role = 'change';
      facts.change ??= { amount: q.value, unit: q.unit, text: q.text };
    } else if (endsWith(before, w.to) && verb) {
      q.role = 'target';
      facts.target ??= q;
    } else if (targetVerb && !facts.fromTo && tokenIndexAt(lower, q.index) > facts.mainIndex) {
      q.role = 'target';
      facts.target ??= q;
    }
  }
  if (!facts.change) {
    const half = lex.halves.find(facts.flatTokens);
    const multiply = facts.tokens
      .map(
        (t) => lex.words.multiplyVerbs[lex.up.matchAt([t], 0)?.base ?? lex.down.matchAt([t], 0)?.base ?? ''],
      )
      .find((f) => f !== undefined);
    if (half) facts.change = { amount: -50, unit: '%', text: half.base };
    else if (multiply !== undefined)
      facts.change = { amount: (multiply - 1) * 100, unit: '%', text: `${multiply}x` };
    else {
      const times = qs.find((q) => q.unit === 'x' && q.role === 'plain');
      if (times) facts.change = { amount: (times.value - 1) * 100, unit: '%', text: times.text };
    }
  }
}

function pair(facts: TitleFacts, from: Quantity, to: Quantity): void {
  // "from 30 to 10 minutes", "from $1.2M to 2M": the unit written once applies to both.
  if (!from.unit && to.unit) from.unit = to.unit;
  if (!to.unit && from.unit) to.unit = from.unit;
  from.role = 'start';
  to.role = 'target';
  facts.fromTo = { from, to };
}

/** How many tokens start before a character offset. */
function tokenIndexAt(lower: string, offset: number): number {
  return tokenize(lower.slice(0, offset)).length;
}

/** The direction every direction word of the title agrees on; none when they disagree. */
function directionOf(facts: TitleFacts, lex: CompiledLexicon): void {
  let up = false;
  let down = false;
  let first: string | undefined;
  for (let i = 0; i < facts.tokens.length; i++) {
    const isDown = lex.down.matchAt(facts.tokens, i) !== undefined;
    const isUp = !isDown && lex.up.matchAt(facts.tokens, i) !== undefined;
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
  let text = facts.title.toLowerCase();
  for (const q of [...facts.quantities].reverse()) text = `${text.slice(0, q.index)} ${text.slice(q.end)}`;
  let joined = tokenize(text).join(' ');
  for (const [pattern, name] of lex.aliases) joined = joined.replace(pattern, name);
  const tokens = joined.split(' ').filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const verb =
      lex.up.matchAt(tokens, i) ??
      lex.down.matchAt(tokens, i) ??
      lex.vague.matchAt(tokens, i) ??
      lex.task.matchAt(tokens, i) ??
      lex.targetVerbs.matchAt(tokens, i) ??
      lex.businessAsUsual.matchAt(tokens, i);
    if (verb) {
      i += verb.length - 1;
      continue;
    }
    const token = tokens[i]!;
    if (lex.stopwords.has(token) || lex.timeWords.has(token) || /^\d+$/.test(token)) continue;
    if (lex.unitByWord.has(token) || lex.words.multipliers[token] !== undefined) continue;
    out.add(singular(token));
  }
  return [...out].sort();
}

/** A light singular: "customers" -> "customer", keeping "process", "status", "analysis". */
function singular(word: string): string {
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}
