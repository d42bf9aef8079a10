import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRules, RULE_IDS, SEVERITIES } from '../core/coach';

const tandem = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/tandem.js', 'lint', ...args], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url),
  });

const fixture = (name: string) => `cli/fixtures/lint/${name}`;

interface LintJson {
  findings: { rule: string; severity: string; target: string; message: string; suggestion: string }[];
  summary: { errors: number; warnings: number; infos: number; files: number; goals: number };
}

const json = (...args: string[]) => {
  const run = tandem(...args, '--json');
  return { run, out: JSON.parse(run.stdout) as LintJson };
};

describe('tandem lint', () => {
  it('finds nothing in a well-written file and exits 0', () => {
    const run = tandem(fixture('good.yaml'), '--at', '2026-10-20');
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0 errors, 0 warnings, 0 infos in 1 goals file (9 goals)');
    expect(run.status).toBe(0);
  });

  it('prints findings compiler style, suggestions indented, and exits 1 on an error finding', () => {
    const run = tandem(fixture('weak.yaml'), '--at', '2026-11-20');
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      'cli/fixtures/lint/weak.yaml:59:14: error kr-direction-conflict [latency] The title says "cut" but the measure goes up, from 300 to 800.',
    );
    expect(run.stdout).toMatch(
      /^cli\/fixtures\/lint\/weak\.yaml:33:14: warning kr-should-be-smart \[portal-shipped\] .+\n {4}suggestion: Make "Ship v2 onboarding" a SMART goal/m,
    );
    for (const [i, line] of lines.entries()) {
      if (line === '' || i === lines.length - 1) continue;
      expect(line).toMatch(
        /^(cli\/fixtures\/lint\/weak\.yaml:\d+:\d+: (error|warning|info) [a-z-]+ \[[\w.-]+\] .+| {4}suggestion: .+)$/,
      );
    }
    expect(lines.at(-1)).toMatch(/^3 errors, \d+ warnings, \d+ infos in 1 goals file \(24 goals\)$/);
  });

  it('prints exactly the JSON of SPEC 10', () => {
    const { run, out } = json(fixture('weak.yaml'), '--at', '2026-11-20');
    expect(run.status).toBe(1);
    expect(Object.keys(out)).toEqual(['findings', 'summary']);
    expect(Object.keys(out.summary)).toEqual(['errors', 'warnings', 'infos', 'goals', 'files']);
    expect(out.findings.length).toBeGreaterThan(20);
    for (const finding of out.findings) {
      expect(Object.keys(finding)).toEqual(['rule', 'severity', 'target', 'message', 'suggestion']);
      expect(RULE_IDS).toContain(finding.rule);
      expect(SEVERITIES).toContain(finding.severity);
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.suggestion.length).toBeGreaterThan(10);
    }
    const bySeverity = (s: string) => out.findings.filter((f) => f.severity === s).length;
    expect(out.summary).toEqual({
      errors: bySeverity('error'),
      warnings: bySeverity('warning'),
      infos: bySeverity('info'),
      goals: 24,
      files: 1,
    });
    expect(out.findings).toContainEqual(
      expect.objectContaining({ rule: 'kr-impossible-value', severity: 'error', target: 'uptime' }),
    );
    const rules = new Set(out.findings.map((f) => f.rule));
    expect(rules.size).toBeGreaterThanOrEqual(25);
  });

  it('gives the example file only check-in findings a team lead would agree with', () => {
    const early = json('examples/acme-2026-q4.yaml', '--at', '2026-10-02');
    expect(early.run.status).toBe(0);
    expect(early.out.findings).toEqual([]);
    const late = json('examples/acme-2026-q4.yaml', '--at', '2026-11-20');
    expect(late.run.status).toBe(0);
    expect(late.out.findings.map((f) => `${f.rule} ${f.target}`)).toEqual([
      'reported-vs-data churn',
      'stale p95-latency',
      'past-due-open in-app-tutorial',
      'stale sample-data',
    ]);
  });

  it('reads a folder of files linked to each other', () => {
    const run = tandem(fixture('folder'), '--at', '2026-10-10');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('0 errors, 0 warnings, 0 infos in 2 goals files (7 goals)');
  });

  it('lints one file of a multi-file organisation: a key in another file is a finding, not exit 2', () => {
    const { run, out } = json(fixture('folder/team.yaml'), '--at', '2026-10-10');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(out.findings.map((f) => `${f.rule} ${f.target}`)).toEqual(['unresolved-link calm-oncall']);
    expect(out.findings[0]?.message).toContain('"reliable"');
    expect(out.findings[0]?.message).toContain('a file that was not given');
    expect(out.summary).toMatchObject({ files: 1, goals: 4, warnings: 1 });
  });

  it('resolves keys from --goals files without linting them', () => {
    const { run, out } = json(
      fixture('folder/team.yaml'),
      '--goals',
      fixture('folder'),
      '--at',
      '2026-10-20',
    );
    expect(run.status).toBe(0);
    // Only the team file's goals: the company file's own stale KRs are not reported.
    expect(out.findings.map((f) => `${f.rule} ${f.target}`)).toEqual([
      'stale pages',
      'stale runbooks',
      'stale alert-audit',
    ]);
    expect(out.summary).toMatchObject({ files: 1, goals: 4 });
    const text = tandem(fixture('folder/team.yaml'), '--goals', fixture('folder'), '--at', '2026-10-10');
    expect(text.stdout.trim()).toBe('0 errors, 0 warnings, 0 infos in 1 goals file (4 goals)');
  });

  it('judges check-ins as of --at', () => {
    const { out } = json(fixture('folder'), '--at', '2026-10-20');
    expect(out.findings.map((f) => f.rule)).toEqual(['stale', 'stale', 'stale', 'stale', 'stale']);
    expect(out.summary.files).toBe(2);
  });

  it('applies coach settings from --config', () => {
    const run = tandem(fixture('weak.yaml'), '--at', '2026-11-20', '--config', fixture('coach.yaml'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning kr-direction-conflict [latency]');
    expect(run.stdout).not.toContain('kr-impossible-value');
  });

  it.each([
    ['broken YAML', [fixture('broken.yaml')], /cli\/fixtures\/lint\/broken\.yaml:7:1: YAML: /],
    [
      'a schema error',
      [fixture('schema-error.yaml')],
      /cli\/fixtures\/lint\/schema-error\.yaml:7:11: objectives\[0\]\.kind: /,
    ],
    ['a missing file', ['cli/fixtures/lint/nope.yaml'], /nope\.yaml: no such file or folder/],
    ['a bad --at', [fixture('good.yaml'), '--at', '2026-13-45'], /--at: "2026-13-45" is not a date/],
    [
      'bad settings',
      [fixture('good.yaml'), '--config', fixture('bad-coach.yaml')],
      /bad-coach\.yaml: rules: .*kr-no-such-rule|bad-coach\.yaml: rules\.kr-no-such-rule/,
    ],
    ['no file at all', [], /missing required argument/],
    [
      'a missing --goals folder',
      [fixture('good.yaml'), '--goals', 'cli/fixtures/nope'],
      /nope: no such file or folder/,
    ],
    [
      'a broken --goals file',
      [fixture('good.yaml'), '--goals', fixture('broken.yaml')],
      /cli\/fixtures\/lint\/broken\.yaml:7:1: YAML: /,
    ],
  ])('exits 2 on %s, saying where', (_name, args, message) => {
    const run = tandem(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('tandem lint and score: hostile YAML', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tandem-lint-'));
  const deep = join(folder, 'deep.yaml');
  writeFileSync(deep, `version: 1\ncycle: 2026-Q4\nunits: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`);
  it.each([
    [
      'an alias bomb',
      fixture('alias-bomb.yaml'),
      /alias-bomb\.yaml:4:\d+: YAML: aliases expand to too many nodes/,
    ],
    [
      'an unresolved alias',
      fixture('unresolved-alias.yaml'),
      /unresolved-alias\.yaml:3:11: YAML: unresolved alias \*zone/,
    ],
    ['nesting 5,000 deep', deep, /deep\.yaml:3:\d+: nested more than 64 levels deep/],
  ])('exits 2 on %s, naming the file and line, without a stack trace', (_name, file, message) => {
    for (const command of ['lint', 'score']) {
      const run = spawnSync(process.execPath, ['bin/tandem.js', command, file], {
        encoding: 'utf8',
        cwd: new URL('..', import.meta.url),
      });
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('docs/coach.md', () => {
  const docs = readFileSync(new URL('../docs/coach.md', import.meta.url), 'utf8');
  it.each(describeRules())('describes $id with its default severity', ({ id, severity }) => {
    expect(docs).toContain(`**\`${id}\`** (${severity}`);
  });
});
