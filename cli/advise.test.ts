import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADVISOR_SIGNAL_IDS, type AdvisorResult, advisorResultSchema } from '../core/advisor';

const root = new URL('..', import.meta.url);

/** Runs `tandem advise` as a process; `stdin` is piped (never a terminal), empty unless given. */
const advise = (args: string[], stdin = '') =>
  spawnSync(process.execPath, ['bin/tandem.js', 'advise', ...args], {
    encoding: 'utf8',
    cwd: root,
    input: stdin,
  });

const json = (stdout: string): AdvisorResult => advisorResultSchema.parse(JSON.parse(stdout));

describe('tandem advise with flags', () => {
  const flags = [
    '--statement',
    'Launch a referral programme to increase weekly sign-ups from 200 to 500',
    '--level',
    'company',
    '--certainty-critical',
  ];

  it('prints the result object with --json', () => {
    const run = advise([...flags, '--json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const result = json(run.stdout);
    expect(result).toMatchObject({ recommendation: 'both', committed: true, isDefault: false });
    expect(result.signals.map((s) => s.id)).toEqual([
      'certainty-critical',
      'output-statement',
      'strategic-level',
      'outcome-statement',
    ]);
  });

  it('prints the recommendation, the committed suggestion and each signal with its side as text', () => {
    const run = advise(flags);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Recommendation: both: an OKR, with SMART goals beneath it');
    expect(lines[1]).toMatch(/^Make the OKR committed/);
    expect(run.stdout).toMatch(/for SMART {2}certainty-critical {2}Certainty is critical/);
    expect(run.stdout).toMatch(/for OKR {4}strategic-level {5}It is a strategic priority of the company/);
    expect(run.stdout).toContain('("launch")');
  });

  it.each<[string[], string, string[]]>([
    [['--team-size', '6', '--one-dimensional'], 'smart', ['small-team', 'one-dimensional-success']],
    [
      ['--departments', '3', '--breakthrough', '--uncertain', '--inspire'],
      'okr',
      ['cross-department', 'breakthrough', 'uncertain-ground', 'inspire'],
    ],
    [
      ['--level', 'individual', '--personal-development', '--deliverable'],
      'smart',
      ['personal-development', 'clear-scope-deliverable', 'individual-level'],
    ],
  ])('maps %o to the answers', (args, recommendation, ids) => {
    const result = json(advise([...args, '--json']).stdout);
    expect(result.recommendation).toBe(recommendation);
    expect(result.signals.map((s) => s.id)).toEqual(ids);
  });

  it('does not ask when stdin is not a terminal: no flags gives the default', () => {
    const run = advise(['--json'], 'Launch the app\n');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(json(run.stdout)).toMatchObject({ recommendation: 'smart', isDefault: true, signals: [] });
    expect(advise([]).stdout).toMatch(/^Recommendation: a SMART goal \(default\)\n\nSignals: none found\./);
  });
});

describe('tandem advise: bad usage exits 2', () => {
  it.each<[string[], RegExp]>([
    [['--team-size', 'abc'], /--team-size.*'abc' is invalid.*whole number/],
    [['--team-size', '0'], /--team-size.*'0' is invalid/],
    [['--departments', '2.5'], /--departments.*'2.5' is invalid/],
    [['--departments=-1'], /--departments.*'-1' is invalid/],
    [['--level', 'division'], /--level.*'division' is invalid.*company, department, team, individual/],
    [['--statement', 'x'.repeat(2001)], /invalid answers: statement/],
    [['--no-such-flag'], /unknown option '--no-such-flag'/],
  ])('%o', (args, message) => {
    const run = advise(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('tandem advise --interactive (the question flow on piped stdin)', () => {
  it('asks every question in turn and advises on the answers', () => {
    const answers = ['Reduce churn from 5% to 3%', 'd', '', '3', 'n', 'y', '', '', '', '', 'n'];
    const run = advise(['--interactive', '--json'], `${answers.join('\n')}\n`);
    expect(run.status).toBe(0);
    const result = json(run.stdout);
    expect(result.recommendation).toBe('okr');
    expect(result.signals.map((s) => s.id)).toEqual([
      'strategic-level',
      'cross-department',
      'breakthrough',
      'outcome-statement',
    ]);
    expect(run.stderr).toContain('What is the goal, in one sentence?');
    expect(run.stderr).toContain('Is success one-dimensional and obvious?');
  });

  it('asks again after an answer it cannot read, and skips after three', () => {
    const run = advise(['--interactive', '--json'], '\nteam\nsix\n-1\n7\n\nmaybe\nYES\n');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Answer a whole number of at least 1.');
    expect(run.stderr).toContain('Answer y or n.');
    const result = json(run.stdout);
    expect(result.signals.map((s) => s.id)).toEqual(['small-team', 'certainty-critical']);
    const skipped = advise(['--interactive', '--json'], '\nmanager\nboss\nchief\n4\n');
    expect(skipped.stderr).toContain('Answer company, department, team, individual. Skipped.');
    expect(json(skipped.stdout).signals.map((s) => s.id)).toEqual(['small-team']);
  });

  it('advises on the answers so far when stdin ends early', () => {
    const run = advise(['--interactive'], 'Get certified as a cloud architect\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Recommendation: a SMART goal\n/);
    expect(run.stdout).toContain('output-statement');
  });

  it('does not ask what flags already answered', () => {
    const run = advise(
      ['--interactive', '--json', '--level', 'company', '--statement', 'Become the go-to bank'],
      '',
    );
    expect(run.stderr).not.toContain('What is the goal');
    expect(run.stderr).not.toContain('Level (');
    expect(run.stderr).toContain('How many people will work on it?');
    expect(json(run.stdout).signals.map((s) => s.id)).toEqual(['strategic-level', 'outcome-statement']);
  });
});

describe('docs/advisor.md', () => {
  it('documents every signal id', () => {
    const docs = readFileSync(new URL('docs/advisor.md', root), 'utf8');
    for (const id of ADVISOR_SIGNAL_IDS) expect(docs).toContain(`\`${id}\``);
  });
});
