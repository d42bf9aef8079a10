import { z } from 'zod';

/**
 * The framework advisor (SPEC 5): for a goal someone is about to write, suggests a SMART goal,
 * an OKR, or both (an OKR above with SMART goals beneath it), and lists every signal it found so
 * the person can disagree with a reason. Pure and deterministic; precision over recall: when a
 * phrase is ambiguous, no signal is raised.
 */

/** The phrases the statement is read with, per locale (SPEC 4: word lists live per locale). */
export interface AdvisorLexicon {
  /** Openings skipped before a sentence's first verb ("we will launch ..."). */
  leadIns: readonly string[];
  /** Verbs and phrases that open a sentence describing what will be done (an output). */
  outputOpenings: readonly string[];
  /** Phrases that open a sentence describing a change in the world (an outcome). */
  outcomeOpenings: readonly string[];
  /** Change verbs that make an outcome when a quantity follows ("from 5% to 3%", "by 20%"). */
  changeVerbs: readonly string[];
  /** Outcome phrases recognised anywhere in a sentence. */
  outcomePhrases: readonly string[];
}

/** Splits a `|`-separated list of phrases, so the word lists stay readable in one place. */
const phrases = (text: string): string[] => text.split('|').map((phrase) => phrase.trim());

/** Word lists per locale, English first. */
export const ADVISOR_LEXICONS = {
  en: {
    leadIns: phrases(
      "we will | we'll | i will | i'll | we are going to | i am going to | the team will | our team will | to",
    ),
    outputOpenings: phrases(
      'launch | build | ship | complete | finish | deliver | implement | migrate | release | publish | deploy | ' +
        'roll out | set up | install | hold | organise | organize | hire | write | ' +
        'get certified | become certified | become a certified | earn a certification | pass the',
    ),
    outcomeOpenings: phrases('become'),
    changeVerbs: phrases(
      'increase | reduce | decrease | grow | raise | lift | cut | lower | improve | boost | shrink',
    ),
    outcomePhrases: phrases(
      'customers love | users love | clients love | customers trust | users trust | ' +
        'delight customers | delight our customers | delight users',
    ),
  },
} as const satisfies Record<string, AdvisorLexicon>;

/** A locale the advisor has word lists for. */
export type AdvisorLocale = keyof typeof ADVISOR_LEXICONS;
const LOCALES = Object.keys(ADVISOR_LEXICONS) as [AdvisorLocale, ...AdvisorLocale[]];

/** The level a goal is set at. */
export const advisorLevelSchema = z.enum(['company', 'department', 'team', 'individual']);
export type AdvisorLevel = z.infer<typeof advisorLevelSchema>;

/** What the advisor is told about the goal. Every field is optional: unanswered means unknown. */
export const advisorInputSchema = z
  .object({
    statement: z.string().max(2000).optional().describe('The goal as the person would write it.'),
    locale: z.enum(LOCALES).optional().describe('Language of the statement; English by default.'),
    level: advisorLevelSchema.optional(),
    teamSize: z.number().int().min(1).max(1_000_000).optional().describe('People working on it.'),
    departmentsInvolved: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('Departments to coordinate.'),
    certaintyCritical: z.boolean().optional().describe('Compliance, a contract, a fixed deadline.'),
    breakthrough: z.boolean().optional().describe('A breakthrough (true) rather than an increment (false).'),
    uncertainGround: z.boolean().optional().describe('A new market, an innovation.'),
    inspire: z.boolean().optional().describe('The goal must inspire and rally people.'),
    personalDevelopment: z.boolean().optional().describe("One person's development: a skill, a certificate."),
    clearScopeDeliverable: z.boolean().optional().describe('A project deliverable with a clear scope.'),
    oneDimensionalSuccess: z.boolean().optional().describe('Success is one-dimensional and obvious.'),
  })
  .strict();
export type AdvisorInput = z.infer<typeof advisorInputSchema>;

/** Signals toward SMART (execution), by stable id, never renamed (listed in docs/advisor.md). */
export const SMART_SIGNAL_IDS = [
  'personal-development',
  'clear-scope-deliverable',
  'small-team',
  'certainty-critical',
  'one-dimensional-success',
  'individual-level',
  'output-statement',
] as const;
/** Signals toward OKR (strategy), by stable id, never renamed. */
export const OKR_SIGNAL_IDS = [
  'strategic-level',
  'cross-department',
  'breakthrough',
  'uncertain-ground',
  'inspire',
  'outcome-statement',
] as const;
/** Every signal id, in the order signals are listed in a result. */
export const ADVISOR_SIGNAL_IDS = [...SMART_SIGNAL_IDS, ...OKR_SIGNAL_IDS] as const;
export type AdvisorSignalId = (typeof ADVISOR_SIGNAL_IDS)[number];

/** Under this many people, a team counts as small (SPEC 5: "under about 10"). */
export const SMALL_TEAM_LIMIT = 10;

export const advisorSignalSchema = z.object({
  id: z.enum(ADVISOR_SIGNAL_IDS),
  side: z.enum(['smart', 'okr']).describe('The framework this signal pushes toward.'),
  source: z.enum(['answer', 'statement']),
  reason: z.string(),
  evidence: z.string().optional().describe('The words of the statement that raised the signal.'),
});
export type AdvisorSignal = z.infer<typeof advisorSignalSchema>;

export const advisorResultSchema = z.object({
  recommendation: z.enum(['smart', 'okr', 'both']),
  committed: z.boolean().describe('Suggest a committed OKR (expected to reach 1.0).'),
  isDefault: z.boolean().describe('No signal was found; the recommendation is the fallback.'),
  signals: z.array(advisorSignalSchema),
  explanation: z.string(),
});
export type AdvisorResult = z.infer<typeof advisorResultSchema>;
export type AdvisorRecommendation = AdvisorResult['recommendation'];

type Side = AdvisorSignal['side'];
type BooleanAnswer = keyof {
  [K in keyof AdvisorInput as NonNullable<AdvisorInput[K]> extends boolean ? K : never]: true;
};

/** One question of the advisor, shared by the CLI's interactive mode and the web form. */
export type AdvisorQuestion =
  | { key: 'statement'; kind: 'text'; prompt: string; topic: string }
  | { key: 'level'; kind: 'level'; prompt: string; topic: string }
  | { key: 'teamSize' | 'departmentsInvolved'; kind: 'count'; prompt: string; topic: string }
  | { key: BooleanAnswer; kind: 'yes-no'; prompt: string; topic: string };

const yesNo = (key: BooleanAnswer, prompt: string, topic: string): AdvisorQuestion => ({
  key,
  kind: 'yes-no',
  prompt,
  topic,
});

/** The questions, in the order they are best asked. `topic` names a question in explanations. */
export const ADVISOR_QUESTIONS: readonly AdvisorQuestion[] = [
  { key: 'statement', kind: 'text', prompt: 'What is the goal, in one sentence?', topic: 'statement' },
  { key: 'level', kind: 'level', prompt: 'Level (company, department, team, individual)?', topic: 'level' },
  { key: 'teamSize', kind: 'count', prompt: 'How many people will work on it?', topic: 'team size' },
  {
    key: 'departmentsInvolved',
    kind: 'count',
    prompt: 'How many departments must coordinate?',
    topic: 'departments',
  },
  yesNo(
    'certaintyCritical',
    'Is certainty critical (compliance, a contract, a fixed deadline)?',
    'certainty',
  ),
  yesNo('breakthrough', 'Is the aim a breakthrough rather than an increment?', 'breakthrough'),
  yesNo('uncertainGround', 'Is the ground uncertain (a new market, an innovation)?', 'uncertain ground'),
  yesNo('inspire', 'Must the goal inspire and rally people?', 'inspiring'),
  yesNo(
    'personalDevelopment',
    "Is it one person's development (a skill, a certification)?",
    'personal development',
  ),
  yesNo('clearScopeDeliverable', 'Is it a project deliverable with a clear scope?', 'deliverable'),
  yesNo('oneDimensionalSuccess', 'Is success one-dimensional and obvious?', 'one-dimensional success'),
];

const YES_SIGNALS: Record<BooleanAnswer, AdvisorSignalId> = {
  personalDevelopment: 'personal-development',
  clearScopeDeliverable: 'clear-scope-deliverable',
  certaintyCritical: 'certainty-critical',
  oneDimensionalSuccess: 'one-dimensional-success',
  breakthrough: 'breakthrough',
  uncertainGround: 'uncertain-ground',
  inspire: 'inspire',
};

/** Short phrases for the explanation; `{x}` is filled from the input or the statement's words. */
const LABELS: Record<AdvisorSignalId, string> = {
  'personal-development': "one person's development",
  'clear-scope-deliverable': 'a deliverable with a clear scope',
  'small-team': 'a small team',
  'certainty-critical': 'certainty is critical',
  'one-dimensional-success': 'one obvious measure of success',
  'individual-level': 'owned by one person',
  'output-statement': 'the statement says what will be done ("{evidence}")',
  'strategic-level': 'a strategic priority of the {level}',
  'cross-department': '{departments} departments must coordinate',
  breakthrough: 'a breakthrough, not an increment',
  'uncertain-ground': 'uncertain ground',
  inspire: 'it must inspire',
  'outcome-statement': 'the statement describes a change ("{evidence}")',
};

const REASONS: Record<AdvisorSignalId, string> = {
  'personal-development':
    "It is one person's own development (a skill, a certification): a SMART goal gives it a clear finish line.",
  'clear-scope-deliverable':
    'It is a project deliverable with a clear scope: done or not done by a date, which a SMART goal tracks.',
  'small-team':
    'A small team ({teamSize} people, under {smallTeam}) can agree the concrete steps directly, without an OKR cascade.',
  'certainty-critical':
    'Certainty is critical (compliance, a contract, a fixed deadline): it must be met in full, as a SMART goal is.',
  'one-dimensional-success': 'Success is one-dimensional and obvious: one measure and a due date say it all.',
  'individual-level':
    'It is set for one person: individuals carry execution in the SMART tier, beneath a key result.',
  'output-statement':
    'The statement describes what will be done ("{evidence}"): an output, for the SMART tier.',
  'strategic-level': 'It is a strategic priority of the {level}: OKRs set the direction at that level.',
  'cross-department':
    '{departments} departments must coordinate: an OKR gives them one shared outcome to align to.',
  breakthrough:
    'The aim is a breakthrough, not an increment: OKRs are built for ambitious targets, 0.7 is success.',
  'uncertain-ground':
    'The ground is uncertain (a new market, an innovation): an OKR fixes the outcome and leaves the way open.',
  inspire:
    'It must inspire and rally people: an objective is a qualitative, inspiring statement of where to go.',
  'outcome-statement':
    'The statement describes a change in the world ("{evidence}"): an outcome, which key results measure.',
};

const OKR_IDS: ReadonlySet<AdvisorSignalId> = new Set(OKR_SIGNAL_IDS);
const sideOf = (id: AdvisorSignalId): Side => (OKR_IDS.has(id) ? 'okr' : 'smart');

function fill(template: string, input: AdvisorInput, evidence: string | undefined): string {
  const values: Record<string, string> = {
    evidence: evidence ?? '',
    level: input.level ?? '',
    teamSize: String(input.teamSize),
    departments: String(input.departmentsInvolved),
    smallTeam: String(SMALL_TEAM_LIMIT),
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}

const escapePhrase = (phrase: string) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (phrases: readonly string[]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map(escapePhrase)
    .join('|');
const NUMBER = String.raw`[$€£]?\d[\d,]*(?:\.\d+)?\s*(?:%|k\b|m\b|bn\b)?`;

interface CompiledLexicon {
  outputOpening: RegExp;
  outcomeOpening: RegExp;
  change: RegExp;
  outcomePhrase: RegExp;
}

function compile(lexicon: AdvisorLexicon): CompiledLexicon {
  const lead = `^(?:(?:${alternation(lexicon.leadIns)})\\s+)?`;
  const quantity = [
    String.raw`\bfrom\s+${NUMBER}(?:\s+[\p{L}-]+){0,3}?\s+to\s+${NUMBER}`,
    String.raw`\bby\s+${NUMBER}\s*(?:%|percent\b|per\s+cent\b|points\b|pp\b)`,
    String.raw`\bto\s+${NUMBER}\s*(?:%|percent\b|per\s+cent\b)`,
  ].join('|');
  return {
    outputOpening: new RegExp(`${lead}(${alternation(lexicon.outputOpenings)})(?![\\p{L}-])`, 'u'),
    outcomeOpening: new RegExp(`${lead}(${alternation(lexicon.outcomeOpenings)})(?![\\p{L}-])`, 'u'),
    change: new RegExp(
      `(?<![\\p{L}-])(?:${alternation(lexicon.changeVerbs)})(?![\\p{L}-]).*?(?:${quantity})`,
      'u',
    ),
    outcomePhrase: new RegExp(`(?<![\\p{L}-])(?:${alternation(lexicon.outcomePhrases)})(?![\\p{L}-])`, 'u'),
  };
}

const COMPILED = new Map<AdvisorLocale, CompiledLexicon>();
function compiledFor(locale: AdvisorLocale): CompiledLexicon {
  let compiled = COMPILED.get(locale);
  if (!compiled) {
    compiled = compile(ADVISOR_LEXICONS[locale]);
    COMPILED.set(locale, compiled);
  }
  return compiled;
}

/** Sentences of a statement, lower-cased; a full stop inside a number ("2.5%") does not split. */
function sentences(statement: string): string[] {
  return statement
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/[;!?\n]|\.(?=\s|$)/)
    .map((s) =>
      s
        .replace(/\s+/g, ' ')
        .replace(/^[\s\-*•:"'()]+/, '')
        .trim(),
    )
    .filter((s) => s.length > 0);
}

/** What the statement's words say: an output, an outcome, both, or nothing. */
function readStatement(statement: string, locale: AdvisorLocale): { output?: string; outcome?: string } {
  const lexicon = compiledFor(locale);
  const found: { output?: string; outcome?: string } = {};
  for (const sentence of sentences(statement)) {
    const output = lexicon.outputOpening.exec(sentence);
    if (output) found.output ??= output[1];
    const outcome =
      lexicon.change.exec(sentence)?.[0] ??
      lexicon.outcomePhrase.exec(sentence)?.[0] ??
      (output ? undefined : lexicon.outcomeOpening.exec(sentence)?.[1]);
    if (outcome) found.outcome ??= outcome.trim();
  }
  return found;
}

function collectSignals(input: AdvisorInput): AdvisorSignal[] {
  const raised: { id: AdvisorSignalId; source: AdvisorSignal['source']; evidence?: string }[] = [];
  const answer = (id: AdvisorSignalId) => raised.push({ id, source: 'answer' });
  for (const [key, id] of Object.entries(YES_SIGNALS) as [BooleanAnswer, AdvisorSignalId][]) {
    if (input[key] === true) answer(id);
  }
  if (input.teamSize !== undefined && input.teamSize < SMALL_TEAM_LIMIT) answer('small-team');
  if (input.level === 'individual') answer('individual-level');
  if (input.level === 'company' || input.level === 'department') answer('strategic-level');
  if (input.departmentsInvolved !== undefined && input.departmentsInvolved >= 2) answer('cross-department');
  if (input.statement) {
    const read = readStatement(input.statement, input.locale ?? 'en');
    if (read.output) raised.push({ id: 'output-statement', source: 'statement', evidence: read.output });
    if (read.outcome) raised.push({ id: 'outcome-statement', source: 'statement', evidence: read.outcome });
  }
  const order = (id: AdvisorSignalId) => ADVISOR_SIGNAL_IDS.indexOf(id);
  return raised
    .sort((a, b) => order(a.id) - order(b.id))
    .map(({ id, source, evidence }) => {
      const signal: AdvisorSignal = {
        id,
        side: sideOf(id),
        source,
        reason: fill(REASONS[id], input, evidence),
      };
      return evidence === undefined ? signal : { ...signal, evidence };
    });
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

type Decision = Omit<AdvisorResult, 'explanation'>;

function explain(input: AdvisorInput, { signals, recommendation, committed }: Decision): string {
  const labels = (side: Side) =>
    list(signals.filter((s) => s.side === side).map((s) => fill(LABELS[s.id], input, s.evidence)));
  if (signals.length === 0) {
    const open = ADVISOR_QUESTIONS.filter((q) => input[q.key] === undefined || input[q.key] === '');
    const better =
      open.length > 0
        ? `Answer more questions for a better suggestion (still open: ${open.map((q) => q.topic).join(', ')}).`
        : 'The answers point neither way: rephrase the statement as what will be done (an output) or as the change you want to see (an outcome).';
    return `No signal found, so the suggestion falls back to a SMART goal, the simpler form, expected to be completed in full by its due date. ${better}`;
  }
  const kind = committed
    ? 'a committed OKR, expected to reach 1.0 because certainty is critical at company level'
    : 'an aspirational OKR, where about 0.7 counts as success';
  if (recommendation === 'smart') {
    return `A SMART goal: ${labels('smart')}. It has a definition of done, an owner and a due date, and is expected to be completed in full.`;
  }
  if (recommendation === 'okr') {
    return `An OKR: ${labels('okr')}. Write an objective that says where to go and 2 to 5 key results that measure the outcome; make it ${kind}.`;
  }
  return `Both: an OKR sets the destination (${labels('okr')}), and SMART goals owned by individuals carry the concrete steps (${labels('smart')}). Make it ${kind}, and align each SMART goal to one of its key results.`;
}

/**
 * Decides between a SMART goal, an OKR or both for a goal about to be written (SPEC 5).
 * Strategic (OKR) and execution (SMART) signals together give `both`; one side alone gives that
 * side; no signal gives `smart` with `isDefault: true` and an explanation naming what to answer.
 * Input from outside should be checked with {@link advisorInputSchema} first.
 *
 * @example
 * const result = advise({ statement: 'Launch the partner portal by June', level: 'team', teamSize: 6 });
 * result.recommendation; // 'smart'
 * result.signals.map((s) => s.id); // ['small-team', 'output-statement']
 */
export function advise(input: AdvisorInput): AdvisorResult {
  const signals = collectSignals(input);
  const hasSmart = signals.some((s) => s.side === 'smart');
  const hasOkr = signals.some((s) => s.side === 'okr');
  const recommendation: AdvisorRecommendation = hasSmart && hasOkr ? 'both' : hasOkr ? 'okr' : 'smart';
  const committed =
    recommendation !== 'smart' && input.certaintyCritical === true && input.level === 'company';
  const decision: Decision = { recommendation, committed, isDefault: signals.length === 0, signals };
  return { ...decision, explanation: explain(input, decision) };
}
