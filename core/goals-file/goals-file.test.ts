import { describe, expect, it } from 'vitest';
import { evaluateOrganisation } from '../evaluate';
import { parseMoment } from '../time';
import { buildOrganisation } from './model';
import { formatProblem, parseGoalsFile } from './parse';

const now = parseMoment('2026-11-20', 'UTC')!;

/** Parses and builds one or more files; returns the organisation or the formatted problems. */
function load(...texts: string[]) {
  const parsed = [];
  for (const [i, text] of texts.entries()) {
    const result = parseGoalsFile(text, `f${i}.yaml`);
    if (!result.ok) return { problems: result.problems.map(formatProblem) };
    parsed.push(result.parsed);
  }
  const built = buildOrganisation(parsed, { now });
  return built.ok ? { org: built.org } : { problems: built.problems.map(formatProblem) };
}

const header = 'version: 1\ncycle: 2026-Q4\n';

describe('parsing goals files', () => {
  it('reports YAML syntax errors with file, line and column', () => {
    expect(load(`${header}objectives:\n  - key: a\n    title: [unclosed\n`).problems?.[0]).toMatch(
      /^f0\.yaml:[56]:\d+: YAML: Flow sequence/,
    );
  });

  it('reports duplicate YAML keys', () => {
    expect(load(`${header}cycle: 2026-Q3\n`).problems?.[0]).toMatch(/^f0\.yaml:3:1: YAML: .*unique/i);
  });

  it('reports schema errors at the field, naming its path', () => {
    const text = `${header}objectives:
  - key: growth
    title: Grow
    kind: ambitious
    key_results:
      - key: k
        title: Grow things
        measure: { type: increase, start: 10, target: 5 }
`;
    const problems = load(text).problems!;
    expect(problems).toContain(
      'f0.yaml:6:11: objectives[0].kind: Invalid option: expected one of "aspirational"|"committed"',
    );
  });

  it('rejects a wrong-direction target at the target field', () => {
    const text = `${header}objectives:
  - key: growth
    title: Grow
    key_results:
      - key: k
        title: Grow things
        measure: { type: increase, start: 10, target: 5 }
`;
    expect(load(text).problems).toEqual([
      'f0.yaml:9:55: objectives[0].key_results[0].measure.target: an increase needs a target above start (10); use type "decrease" to go down',
    ]);
  });

  it('names unknown fields where they are written', () => {
    expect(load(`${header}objectivs: []\n`).problems).toEqual(['f0.yaml:3:12: unknown field "objectivs"']);
  });

  it('rejects an empty file and a wrong version', () => {
    expect(load('').problems?.[0]).toMatch(/empty/);
    expect(load('version: 2\ncycle: 2026-Q4\n').problems?.[0]).toBe('f0.yaml:1:10: version: must be 1');
  });

  it('rejects impossible dates and cycle names', () => {
    expect(load('version: 1\ncycle: 2026-Q5\n').problems?.[0]).toMatch(
      /cycle: "2026-Q5" is not a cycle name/,
    );
    expect(load('version: 1\ncycle: FY2027-Q1\n').problems?.[0]).toMatch(/starts in January/);
    expect(load(`${header}smart_goals:\n  - { key: s, title: T, due: 2026-02-30 }\n`).problems?.[0]).toMatch(
      /smart_goals\[0\]\.due: not a calendar date/,
    );
  });
});

describe('building an organisation', () => {
  it('reads the SPEC example and scores it', () => {
    const text = `version: 1
cycle: 2026-Q4
objectives:
  - key: trusted-brand
    title: Become the most trusted brand in cybersecurity
    unit: company
    lead: maria@example.com
    kind: aspirational
    aligns_to: []
    key_results:
      - key: nps
        title: Increase Net Promoter Score from 45 to 65
        measure: { type: increase, start: 45, target: 65, unit: pts }
        current: 52
smart_goals:
  - key: in-app-tutorial
    title: Launch an in-app tutorial covering 5 core workflows
    owner: ana@example.com
    supports: nps
    measure: { type: milestones, milestones: [Draft, Review, Ship] }
    start: 2026-10-01
    due: 2026-11-15
`;
    const { org } = load(text);
    expect(org).toBeDefined();
    const results = evaluateOrganisation(org!, now);
    expect(results.map((r) => [r.key, r.type])).toEqual([
      ['trusted-brand', 'objective'],
      ['nps', 'key_result'],
      ['in-app-tutorial', 'smart_goal'],
    ]);
    expect(results[1]!.progress).toBeCloseTo(0.35, 12);
    expect(results[1]!.lastCheckinAt).toBe(now);
    expect(results[2]!.status).toBe('overdue');
  });

  it('keeps an incomplete measure as a draft, with what it lacks', () => {
    const text = `${header}objectives:
  - key: o
    title: Objective
    key_results:
      - { key: a, title: A, measure: { type: increase, target: 10 } }
      - { key: b, title: B }
`;
    const { org } = load(text);
    const [a, b] = org!.objectives[0]!.keyResults;
    expect([a!.measure, a!.missing]).toEqual([undefined, ['measure.start']]);
    expect([b!.measure, b!.missing]).toEqual([undefined, ['measure']]);
    expect(evaluateOrganisation(org!, now)[1]).toMatchObject({
      progress: null,
      status: null,
      flags: ['draft'],
    });
  });

  it('normalises check-ins: milestones, booleans, sorted by time', () => {
    const text = `${header}timezone: Europe/Berlin
smart_goals:
  - key: m
    title: Milestones
    measure: { type: milestones, milestones: [Draft, { name: Ship, weight: 3 }] }
    checkins:
      - { at: 2026-10-20, done: [Draft, Ship] }
      - { at: 2026-10-10, done: [draft], confidence: 6 }
  - key: b
    title: Boolean
    measure: { type: boolean }
    checkins: [{ at: "2026-10-20T09:00", done: true }]
`;
    const { org } = load(text);
    const [m, b] = org!.smartGoals;
    expect(m!.checkins.map((c) => c.value)).toEqual([0.25, 1]);
    expect(m!.checkins[0]!.at).toBe(parseMoment('2026-10-10', 'Europe/Berlin'));
    expect(b!.checkins[0]).toMatchObject({ value: 1, at: Date.parse('2026-10-20T07:00:00Z') });
  });

  it.each([
    [
      'a milestone that does not exist',
      'measure: { type: milestones, milestones: [A] }\n    checkins: [{ at: 2026-10-10, done: [B] }]',
      /no milestone named "B"/,
    ],
    [
      'a value on a boolean',
      'measure: { type: boolean }\n    checkins: [{ at: 2026-10-10, value: 1 }]',
      /done: true/,
    ],
    [
      'done on a numeric measure',
      'measure: { type: increase, start: 0, target: 5 }\n    checkins: [{ at: 2026-10-10, done: true }]',
      /numeric `value`/,
    ],
    [
      'a due date before the start',
      'start: 2026-11-01\n    due: 2026-10-01',
      /due must be on or after start/,
    ],
  ])('rejects %s', (_name, body, message) => {
    const problems = load(`${header}smart_goals:\n  - key: s\n    title: S\n    ${body}\n`).problems;
    expect(problems?.join('\n')).toMatch(message);
  });

  it('keeps links to keys in files not read when asked (one file of a larger organisation)', () => {
    const team = `${header}objectives:\n  - { key: t, title: T, aligns_to: [company-kr] }\nsmart_goals:\n  - { key: s, title: S, supports: [t, elsewhere] }\n`;
    const parsed = parseGoalsFile(team, 'team.yaml');
    if (!parsed.ok) throw new Error('bad fixture');
    const built = buildOrganisation([parsed.parsed], { now, unknownLinks: 'kept' });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.org.objectives[0]!.parents).toEqual([{ key: 'company-kr', weight: 1 }]);
    expect(built.org.smartGoals[0]!.parents.map((l) => l.key)).toEqual(['t', 'elsewhere']);
    expect(() => evaluateOrganisation(built.org, now)).not.toThrow();
    // Self-links are still wrong whatever is read.
    const self = parseGoalsFile(`${header}objectives:\n  - { key: t, title: T, aligns_to: [t] }\n`, 'f.yaml');
    if (!self.ok) throw new Error('bad fixture');
    expect(buildOrganisation([self.parsed], { now, unknownLinks: 'kept' }).ok).toBe(false);
  });

  it('resolves links across files and rejects unknown keys, duplicates and cycles', () => {
    const company = `${header}objectives:\n  - key: c\n    title: Company\n    key_results: [{ key: ck, title: K, source: aligned }]\n`;
    const team = `${header}objectives:\n  - key: t\n    title: Team\n    aligns_to: [{ key: ck, weight: 2 }]\n    key_results: [{ key: tk, title: T }]\n`;
    const { org } = load(company, team);
    expect(org!.objectives[1]!.parents).toEqual([{ key: 'ck', weight: 2 }]);

    expect(load(`${header}objectives:\n  - { key: t, title: T, aligns_to: [nope] }\n`).problems).toEqual([
      'f0.yaml:4:37: objectives[0].aligns_to[0]: no objective or key result has the key "nope"',
    ]);
    expect(load(company, company).problems?.[0]).toMatch(
      /^f1\.yaml:4:10: objectives\[0\]\.key: key "c" is already used at f0\.yaml:4:10/,
    );
    const cyclic = `${header}objectives:
  - { key: a, title: A, aligns_to: [bk], key_results: [{ key: ak, title: AK, source: aligned }] }
  - { key: b, title: B, aligns_to: [ak], key_results: [{ key: bk, title: BK, source: aligned }] }
`;
    expect(load(cyclic).problems?.[0]).toMatch(/alignment links form a cycle: a -> bk -> b -> ak -> a/);
  });

  it('rejects all-zero KR weights on an objective', () => {
    const text = `${header}objectives:\n  - key: o\n    title: O\n    key_results:\n      - { key: a, title: A, weight: 0 }\n`;
    expect(load(text).problems?.[0]).toMatch(/key_results: at least one key result needs a weight above 0/);
  });

  it('rejects plan dates outside the cycle', () => {
    const text = `${header}objectives:\n  - key: o\n    title: O\n    key_results:\n      - { key: a, title: A, plan: [{ at: 2027-02-01, expected: 0.5 }] }\n`;
    expect(load(text).problems?.[0]).toMatch(/plan\[0\]\.at: a plan date must fall inside the cycle/);
  });

  it('uses fiscal quarters and custom cycles', () => {
    const fiscal = load('version: 1\ncycle: FY2027-Q1\nfiscal_year_start: 4\n').org!;
    expect(new Date(fiscal.cycles[0]!.window.start).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    const custom = load('version: 1\ncycle: { name: Autumn push, start: 2026-09-15, end: 2026-11-30 }\n')
      .org!;
    expect(custom.cycles[0]).toEqual({
      name: 'Autumn push',
      window: { start: Date.parse('2026-09-15T00:00:00Z'), end: Date.parse('2026-12-01T00:00:00Z') },
    });
  });
});
