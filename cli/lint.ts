import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import {
  type CoachSettingsInput,
  coachSettingsSchema,
  type Finding,
  type LintResult,
  lint,
  summarise,
} from '../core/coach';
import type { ParsedGoalsFile } from '../core/goals-file/parse';
import { formatPath } from '../core/goals-file/parse';
import type { Organisation, SourceRef } from '../core/model';
import { DEFAULT_SETTINGS } from '../core/settings';
import { EXIT } from './exit-codes';
import { loadGoalsForCommand } from './load-goals';

/** One finding in `tandem lint --json` (SPEC section 10). */
export interface JsonFinding {
  rule: string;
  severity: string;
  /** The goal's key, or the file for file-level findings. */
  target: string;
  message: string;
  suggestion: string;
}

/** The summary of `tandem lint --json`: counts per severity, files read and goals linted. */
export interface JsonSummary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
  goals: number;
}

/** Findings in reading order: by file, line and column, then as the engine ordered them. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => {
      const x = a.finding.source;
      const y = b.finding.source;
      if (x && y) {
        if (x.file !== y.file) return x.file < y.file ? -1 : 1;
        if (x.line !== y.line) return x.line - y.line;
        if (x.column !== y.column) return x.column - y.column;
      }
      return a.index - b.index;
    })
    .map(({ finding }) => finding);
}

/** The JSON document `tandem lint --json` prints: exactly the fields SPEC section 10 names. */
export function lintJson(
  result: LintResult,
  files: number,
): { findings: JsonFinding[]; summary: JsonSummary } {
  return {
    findings: sortFindings(result.findings).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      target: f.targetType === 'file' ? (f.source?.file ?? f.target) : f.target,
      message: f.message,
      suggestion: f.suggestion,
    })),
    summary: { ...result.summary, files },
  };
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Findings the way a good compiler prints them: `file:line:col: severity rule-id [goal] message`,
 * the suggestion indented beneath, and a summary line.
 */
export function lintText(result: LintResult, files: number): string {
  const lines: string[] = [];
  for (const f of sortFindings(result.findings)) {
    const where = f.source ? `${f.source.file}:${f.source.line}:${f.source.column}: ` : '';
    lines.push(`${where}${f.severity} ${f.rule} [${f.target}] ${f.message}`);
    lines.push(`    suggestion: ${f.suggestion}`);
  }
  const { errors, warnings, infos, goals } = result.summary;
  if (lines.length > 0) lines.push('');
  lines.push(
    `${count(errors, 'error')}, ${count(warnings, 'warning')}, ${count(infos, 'info')} in ${count(files, 'goals file')} (${count(goals, 'goal')})`,
  );
  return lines.join('\n');
}

/** Reads coach settings (YAML or JSON); problems name the file and the field. */
export function readCoachSettings(
  file: string,
): { ok: true; settings: CoachSettingsInput } | { ok: false; problems: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8')) ?? {};
  } catch (error) {
    return { ok: false, problems: [`${file}: ${(error as Error).message.split('\n')[0]}`] };
  }
  const result = coachSettingsSchema.safeParse(raw);
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      return `${file}: ${path ? `${path}: ` : ''}${issue.message}`;
    }),
  };
}

interface LintCommandOptions {
  at?: string;
  json?: boolean;
  config?: string;
  goals: string[];
}

/**
 * Only what concerns the files given: findings about their goals (or about the files), and their
 * goal count. Files read with `--goals` resolve keys and feed the organisation-wide rules, but are
 * not linted themselves.
 */
export function onlyGiven(
  result: LintResult,
  org: Organisation,
  files: readonly ParsedGoalsFile[],
): LintResult {
  const given = new Set(files.map((f) => f.file));
  const isGiven = (source: SourceRef | undefined) => source === undefined || given.has(source.file);
  const findings = result.findings.filter((f) => isGiven(f.source));
  let goals = 0;
  for (const objective of org.objectives) {
    if (isGiven(objective.source)) goals++;
    for (const kr of objective.keyResults) if (isGiven(kr.source)) goals++;
  }
  for (const goal of org.smartGoals) if (isGiven(goal.source)) goals++;
  return { findings, summary: summarise(findings, goals) };
}

/** Registers `tandem lint FILE... [--at DATE] [--json] [--config FILE]`. */
export function registerLint(program: Command): void {
  program
    .command('lint')
    .description(
      'check goals files against the coach rules (outcomes, baselines, alignment, check-ins), offline',
    )
    .argument('<files...>', 'goals files (YAML), or folders of them')
    .option(
      '--at <date>',
      'judge check-ins as of this date (YYYY-MM-DD, start of day in the file timezone) or date-time; default now',
    )
    .option('--json', 'print {"findings": [...], "summary": {...}} for scripts')
    .option('--config <file>', 'coach settings (YAML or JSON): rule severities or "off", thresholds')
    .option(
      '--goals <path>',
      'also read these goals files or folders, to resolve keys the files link to, without linting them (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 no error findings, 1 at least one error finding, 2 bad usage or unreadable input.\nRules and settings: docs/coach.md',
    )
    .action((files: string[], options: LintCommandOptions) => {
      let settings: CoachSettingsInput = {};
      if (options.config !== undefined) {
        const read = readCoachSettings(options.config);
        if (!read.ok) {
          for (const problem of read.problems) console.error(problem);
          process.exitCode = EXIT.usage;
          return;
        }
        settings = read.settings;
      }
      const loaded = loadGoalsForCommand(files, options.at, { context: options.goals, unknownLinks: 'kept' });
      if (!loaded) return;
      const all = lint(loaded.org, {
        at: loaded.at,
        settings,
        evaluation: { ...DEFAULT_SETTINGS, timeZone: loaded.org.timeZone },
      });
      const result = loaded.context.length > 0 ? onlyGiven(all, loaded.org, loaded.files) : all;
      const fileCount = loaded.files.length;
      console.log(
        options.json ? JSON.stringify(lintJson(result, fileCount), null, 2) : lintText(result, fileCount),
      );
      process.exitCode = result.summary.errors > 0 ? EXIT.problems : EXIT.ok;
    });
}
