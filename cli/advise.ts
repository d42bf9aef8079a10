import { createInterface } from 'node:readline/promises';
import { type Command, InvalidArgumentError, Option } from 'commander';
import {
  ADVISOR_QUESTIONS,
  type AdvisorInput,
  type AdvisorQuestion,
  type AdvisorResult,
  advise,
  advisorInputSchema,
  advisorLevelSchema,
} from '../core/advisor';
import { EXIT } from './exit-codes';

/** Exit code after Ctrl+C in the interactive flow (128 + SIGINT), as shells expect. */
const EXIT_INTERRUPTED = 130;

interface AdviseOptions {
  statement?: string;
  level?: AdvisorInput['level'];
  teamSize?: number;
  departments?: number;
  certaintyCritical?: true;
  breakthrough?: true;
  uncertain?: true;
  inspire?: true;
  personalDevelopment?: true;
  deliverable?: true;
  oneDimensional?: true;
  json?: true;
  interactive?: true;
}

const wholeNumber =
  (min: number) =>
  (value: string): number => {
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min)
      throw new InvalidArgumentError(`expected a whole number of at least ${min}.`);
    return n;
  };

/** The answers given as flags; keys with no flag stay undefined. */
function answersFromFlags(options: AdviseOptions): AdvisorInput {
  return {
    statement: options.statement,
    level: options.level,
    teamSize: options.teamSize,
    departmentsInvolved: options.departments,
    certaintyCritical: options.certaintyCritical,
    breakthrough: options.breakthrough,
    uncertainGround: options.uncertain,
    inspire: options.inspire,
    personalDevelopment: options.personalDevelopment,
    clearScopeDeliverable: options.deliverable,
    oneDimensionalSuccess: options.oneDimensional,
  };
}

type Parsed = { ok: true; value: string | number | boolean | undefined } | { ok: false; error: string };

/** Reads one typed answer; a blank line skips the question. */
export function parseAnswer(question: AdvisorQuestion, raw: string): Parsed {
  const text = raw.trim();
  if (text === '') return { ok: true, value: undefined };
  const lower = text.toLowerCase();
  switch (question.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'level': {
      const level = advisorLevelSchema.options.find(
        (l) => l === lower || (lower.length === 1 && l.startsWith(lower)),
      );
      return level
        ? { ok: true, value: level }
        : { ok: false, error: `Answer ${advisorLevelSchema.options.join(', ')}.` };
    }
    case 'count': {
      const min = question.key === 'teamSize' ? 1 : 0;
      const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
      return Number.isSafeInteger(n) && n >= min
        ? { ok: true, value: n }
        : { ok: false, error: `Answer a whole number of at least ${min}.` };
    }
    case 'yes-no':
      if (['y', 'yes'].includes(lower)) return { ok: true, value: true };
      if (['n', 'no'].includes(lower)) return { ok: true, value: false };
      return { ok: false, error: 'Answer y or n.' };
  }
}

const HINTS: Record<AdvisorQuestion['kind'], string> = {
  text: '(blank to skip)',
  level: '[c/d/t/i, blank to skip]',
  count: '[number, blank to skip]',
  'yes-no': '[y/n, blank to skip]',
};
const MAX_ATTEMPTS = 3;

/**
 * Asks the advisor's questions one by one, skipping those already answered by flags. Prompts go
 * to stderr so that stdout holds only the result (valid JSON with `--json`). Reads lines through
 * the async iterator rather than `question()`, which drops lines that arrive before it is called
 * when stdin is a pipe.
 */
async function askQuestions(
  answered: AdvisorInput,
): Promise<{ answers: Record<string, unknown>; isInterrupted: boolean }> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stderr,
    terminal: process.stdin.isTTY === true,
  });
  let isInterrupted = false;
  rl.on('SIGINT', () => {
    isInterrupted = true;
    rl.close();
  });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Record<string, unknown> = {};
  try {
    for (const question of ADVISOR_QUESTIONS.filter((q) => answered[q.key] === undefined)) {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        rl.setPrompt(`${question.prompt} ${HINTS[question.kind]} `);
        rl.prompt();
        const line = await lines.next();
        if (line.done) {
          if (!isInterrupted) process.stderr.write('\n');
          return { answers, isInterrupted };
        }
        const parsed = parseAnswer(question, line.value);
        if (parsed.ok) {
          if (parsed.value !== undefined) answers[question.key] = parsed.value;
          break;
        }
        process.stderr.write(`${parsed.error}${attempt < MAX_ATTEMPTS ? '' : ' Skipped.'}\n`);
      }
    }
    return { answers, isInterrupted };
  } finally {
    rl.close();
  }
}

const RECOMMENDATIONS: Record<AdvisorResult['recommendation'], string> = {
  smart: 'a SMART goal',
  okr: 'an OKR',
  both: 'both: an OKR, with SMART goals beneath it',
};

/** The result as text: recommendation, committed suggestion, signals, explanation. */
export function formatAdvice(result: AdvisorResult): string {
  const lines = [
    `Recommendation: ${RECOMMENDATIONS[result.recommendation]}${result.isDefault ? ' (default)' : ''}`,
  ];
  if (result.committed) {
    lines.push(
      'Make the OKR committed: certainty is critical at company level, so it is expected to reach 1.0.',
    );
  }
  lines.push('');
  if (result.signals.length === 0) lines.push('Signals: none found.');
  else {
    lines.push('Signals:');
    const width = Math.max(...result.signals.map((s) => s.id.length));
    for (const s of result.signals) {
      lines.push(`  ${s.side === 'smart' ? 'for SMART' : 'for OKR  '}  ${s.id.padEnd(width)}  ${s.reason}`);
    }
  }
  lines.push('', result.explanation);
  return `${lines.join('\n')}\n`;
}

/**
 * Registers `tandem advise`: SMART goal, OKR or both for a goal about to be written (SPEC 5).
 * With flags it is scriptable (`--json` prints the result object); with no answer flags in a
 * terminal it asks the questions one by one (`--interactive` forces that on piped stdin).
 *
 * @example
 * registerAdvise(program);
 * // tandem advise --statement "Launch the partner portal" --team-size 6 --json
 */
export function registerAdvise(program: Command): Command {
  return program
    .command('advise')
    .description('suggest a SMART goal, an OKR or both for a goal you are about to write, and say why')
    .option('--statement <text>', 'the goal, in one sentence')
    .addOption(new Option('--level <level>', 'where the goal is set').choices(advisorLevelSchema.options))
    .option('--team-size <n>', 'people working on it', wholeNumber(1))
    .option('--departments <n>', 'departments that must coordinate', wholeNumber(0))
    .option('--certainty-critical', 'certainty is critical (compliance, a contract, a fixed deadline)')
    .option('--breakthrough', 'the aim is a breakthrough rather than an increment')
    .option('--uncertain', 'the ground is uncertain (a new market, an innovation)')
    .option('--inspire', 'the goal must inspire and rally people')
    .option('--personal-development', "one person's development (a skill, a certification)")
    .option('--deliverable', 'a project deliverable with a clear scope')
    .option('--one-dimensional', 'success is one-dimensional and obvious')
    .option('--json', 'print the result as JSON')
    .addOption(new Option('--interactive', 'ask the questions even when stdin is not a terminal').hideHelp())
    .action(async (options: AdviseOptions, command: Command) => {
      const flags = answersFromFlags(options);
      let answers: Record<string, unknown> = { ...flags };
      const hasFlags = Object.values(flags).some((value) => value !== undefined);
      if (options.interactive || (!hasFlags && process.stdin.isTTY)) {
        const asked = await askQuestions(flags);
        if (asked.isInterrupted) {
          process.stderr.write('\nCancelled.\n');
          process.exitCode = EXIT_INTERRUPTED;
          return;
        }
        answers = { ...answers, ...asked.answers };
      }
      const input = advisorInputSchema.safeParse(answers);
      if (!input.success) {
        const issues = input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`);
        command.error(`error: invalid answers: ${issues.join('; ')}`, { exitCode: EXIT.usage });
      }
      const result = advise(input.data);
      process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : formatAdvice(result));
    });
}
