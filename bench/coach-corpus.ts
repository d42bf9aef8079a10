import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Finding, lint, type RuleId } from '../core/coach';
import { companyObjective, draftKr, EARLY, measuredKr, org, smart } from '../core/coach/rules/testing';
import type { Organisation } from '../core/model';

/**
 * How well the coach's text rules do on goals people really published (bench/coach-corpus/):
 * precision and recall per rule family, on a tuning part and on a held-out part.
 *
 * The split is fixed by the text alone, decided before any tuning: a goal is held out when the
 * FNV-1a 32-bit hash of its trimmed, lower-case text is divisible by 3 (about a third). Only the
 * tuning part's misses are listed (`--show`); the held-out part reports figures only, so that
 * tuning cannot look at it. `--show-held-out` lists its misses too, for after tuning.
 *
 *   npm run bench:coach                 # figures for both parts
 *   npm run bench:coach -- --show       # and the tuning part's misses
 *   npm run bench:coach -- --json       # figures as JSON
 */

type Kind = 'objective' | 'kr' | 'smart';
interface CorpusGoal {
  kind: Kind;
  source: string;
  text: string;
  /** Findings that must be given; an inner list: any one of these rules. */
  expect?: (string | string[])[];
  /** Findings a careful coach may or may not give. */
  allow?: string[];
}

/** The rules that read a goal's words (the structure and time rules need data these goals lack). */
export const FAMILIES: Record<string, readonly RuleId[]> = {
  objective: ['objective-has-metric', 'objective-is-output', 'objective-business-as-usual'],
  'kr-shape': ['kr-is-activity', 'kr-not-measurable', 'kr-should-be-smart'],
  'kr-numbers': ['kr-no-baseline', 'kr-too-timid', 'kr-direction-conflict', 'kr-impossible-value'],
  smart: ['smart-not-specific', 'smart-not-measurable', 'smart-should-be-kr'],
};
const TEXT_RULES = new Set<string>(Object.values(FAMILIES).flat());
const familyOf = (rule: string) => Object.keys(FAMILIES).find((f) => FAMILIES[f]!.includes(rule as RuleId))!;

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
export const isHeldOut = (text: string) => fnv1a(text.trim().toLowerCase()) % 3 === 0;

/** The goal in a well-formed organisation where only its words can be wrong. */
function organisationFor(goal: CorpusGoal): Organisation {
  const uptime = measuredKr('uptime', 'Keep weekly uptime at or above 99.9%', {
    type: 'at_least',
    threshold: 99.9,
    unit: '%',
  });
  const activation = measuredKr('k', 'Raise 7-day activation from 35% to 50%', {
    type: 'increase',
    start: 35,
    target: 50,
    unit: '%',
  });
  if (goal.kind === 'objective') {
    return org({ objectives: [companyObjective('g', [activation, uptime], { title: goal.text })] });
  }
  if (goal.kind === 'kr') {
    return org({
      objectives: [companyObjective('o', [draftKr('g', goal.text), uptime], { kind: 'aspirational' })],
    });
  }
  return org({
    objectives: [companyObjective('o', [activation, uptime])],
    smartGoals: [
      smart('g', goal.text, { definitionOfDone: undefined, measure: undefined, missing: ['measure'] }),
    ],
  });
}

interface Tally {
  correct: number;
  falseAlarms: number;
  expected: number;
  found: number;
}
const empty = (): Tally => ({ correct: 0, falseAlarms: 0, expected: 0, found: 0 });

export interface PartReport {
  goals: number;
  families: Record<string, Tally & { precision: number; recall: number }>;
  total: Tally & { precision: number; recall: number };
  /** Goals with nothing expected that still got a warning or an error. */
  wellWrittenWarned: number;
  wellWritten: number;
  misses: string[];
}

export function evaluate(goals: readonly CorpusGoal[]): PartReport {
  const families: Record<string, Tally> = Object.fromEntries(Object.keys(FAMILIES).map((f) => [f, empty()]));
  const total = empty();
  const misses: string[] = [];
  let wellWritten = 0;
  let wellWrittenWarned = 0;
  for (const goal of goals) {
    const findings = lint(organisationFor(goal), { at: EARLY }).findings.filter(
      (f: Finding) => f.target === 'g' && TEXT_RULES.has(f.rule),
    );
    const said = findings.map((f) => f.rule as string);
    const expected = (goal.expect ?? []).map((e) => (Array.isArray(e) ? e : [e]));
    const allowed = new Set(goal.allow ?? []);
    const acceptable = new Set(expected.flat());
    const notes: string[] = [];
    for (const alternatives of expected) {
      const tally = families[familyOf(alternatives[0]!)]!;
      tally.expected++;
      total.expected++;
      if (alternatives.some((rule) => said.includes(rule))) {
        tally.found++;
        total.found++;
      } else notes.push(`missed ${alternatives.join('|')}`);
    }
    for (const f of findings) {
      const tally = families[familyOf(f.rule)]!;
      if (acceptable.has(f.rule)) {
        tally.correct++;
        total.correct++;
      } else if (!allowed.has(f.rule)) {
        tally.falseAlarms++;
        total.falseAlarms++;
        notes.push(`false alarm ${f.rule} (${f.severity}): ${f.message}`);
      }
    }
    if (expected.length === 0) {
      wellWritten++;
      if (findings.some((f) => f.severity !== 'info' && !allowed.has(f.rule))) wellWrittenWarned++;
    }
    if (notes.length > 0) misses.push(`[${goal.kind}] ${goal.text}\n    ${notes.join('\n    ')}`);
  }
  const rated = (t: Tally) => ({
    ...t,
    precision: t.correct + t.falseAlarms === 0 ? 1 : t.correct / (t.correct + t.falseAlarms),
    recall: t.expected === 0 ? 1 : t.found / t.expected,
  });
  return {
    goals: goals.length,
    families: Object.fromEntries(Object.entries(families).map(([f, t]) => [f, rated(t)])),
    total: rated(total),
    wellWritten,
    wellWrittenWarned,
    misses,
  };
}

/** Held-out parts collected later from new sources, in order (see docs/coach.md). */
export const FRESH_PARTS = ['fresh-1.json', 'fresh-2.json'];

/** The goals of one corpus file: `real-goals.json` (tuning and held-out parts) or a fresh part. */
export function loadCorpus(name = 'real-goals.json'): CorpusGoal[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = JSON.parse(readFileSync(join(here, 'coach-corpus', name), 'utf8')) as {
    goals: CorpusGoal[];
  };
  return file.goals;
}

function print(name: string, part: PartReport): void {
  const pct = (x: number) => x.toFixed(2);
  console.log(`${name}: ${part.goals} goals`);
  for (const [family, t] of Object.entries(part.families)) {
    console.log(
      `  ${family.padEnd(11)} precision ${pct(t.precision)} (${t.correct}/${t.correct + t.falseAlarms})  recall ${pct(t.recall)} (${t.found}/${t.expected})`,
    );
  }
  const t = part.total;
  console.log(
    `  ${'all text'.padEnd(11)} precision ${pct(t.precision)} (${t.correct}/${t.correct + t.falseAlarms})  recall ${pct(t.recall)} (${t.found}/${t.expected})`,
  );
  console.log(`  well-written goals with a warning: ${part.wellWrittenWarned} of ${part.wellWritten}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const goals = loadCorpus();
  const tuning = evaluate(goals.filter((g) => !isHeldOut(g.text)));
  const heldOut = evaluate(goals.filter((g) => isHeldOut(g.text)));
  // Further held-out parts from new sources, each labelled before the coach first ran on it.
  const fresh = FRESH_PARTS.map((name) => ({ name, report: evaluate(loadCorpus(name)) }));
  if (args.includes('--json')) {
    const strip = ({ misses: _m, ...rest }: PartReport) => rest;
    const freshParts = Object.fromEntries(fresh.map((f) => [f.name, strip(f.report)]));
    console.log(
      JSON.stringify({ tuning: strip(tuning), heldOut: strip(heldOut), fresh: freshParts }, null, 2),
    );
  } else {
    print('tuning', tuning);
    print('held-out', heldOut);
    for (const f of fresh) print(`held-out ${f.name}`, f.report);
    if (args.includes('--show')) console.log(`\ntuning misses:\n${tuning.misses.join('\n')}`);
    if (args.includes('--show-held-out')) {
      console.log(`\nheld-out misses:\n${heldOut.misses.join('\n')}`);
      for (const f of fresh) console.log(`\n${f.name} misses:\n${f.report.misses.join('\n')}`);
    }
  }
}
