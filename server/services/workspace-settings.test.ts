import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import type { Services } from './index';
import { parseStoredSettings, readSettings, type WorkspaceSettings } from './workspace-settings';

/** Settings that differ from every default, so a reset of any field shows. */
const BASELINE: WorkspaceSettings = {
  fiscalYearStartMonth: 4,
  timeZone: 'Europe/Berlin',
  weekStart: 0,
  defaultCadence: 'biweekly',
  checkinDay: 3,
  checkinHour: 15,
  thresholds: { onTrack: 0.8, atRisk: 0.5, staleFactor: 3, tooEarlyShare: 0.2 },
  coachSeverities: { 'kr-count': 'off', orphan: 'error' },
  notificationChannels: ['slack', 'webhook'],
  coachBlocksPublishing: true,
};

/** One change per setting (nested ones by a single key), and what the settings are after it. */
const CHANGES: [string, Record<string, unknown>, (s: WorkspaceSettings) => WorkspaceSettings][] = [
  ['fiscalYearStartMonth', { fiscalYearStartMonth: 7 }, (s) => ({ ...s, fiscalYearStartMonth: 7 })],
  ['timeZone', { timeZone: 'America/New_York' }, (s) => ({ ...s, timeZone: 'America/New_York' })],
  ['weekStart', { weekStart: 1 }, (s) => ({ ...s, weekStart: 1 })],
  ['defaultCadence', { defaultCadence: 'monthly' }, (s) => ({ ...s, defaultCadence: 'monthly' })],
  ['checkinDay', { checkinDay: 5 }, (s) => ({ ...s, checkinDay: 5 })],
  ['checkinHour', { checkinHour: 8 }, (s) => ({ ...s, checkinHour: 8 })],
  [
    'notificationChannels',
    { notificationChannels: ['email'] },
    (s) => ({ ...s, notificationChannels: ['email'] }),
  ],
  [
    'coachBlocksPublishing',
    { coachBlocksPublishing: false },
    (s) => ({ ...s, coachBlocksPublishing: false }),
  ],
  [
    'thresholds.onTrack',
    { thresholds: { onTrack: 0.95 } },
    (s) => ({ ...s, thresholds: { ...s.thresholds, onTrack: 0.95 } }),
  ],
  [
    'thresholds.staleFactor',
    { thresholds: { staleFactor: 4 } },
    (s) => ({ ...s, thresholds: { ...s.thresholds, staleFactor: 4 } }),
  ],
  [
    'coachSeverities (one more rule)',
    { coachSeverities: { stale: 'info' } },
    (s) => ({ ...s, coachSeverities: { ...s.coachSeverities, stale: 'info' } }),
  ],
  [
    'coachSeverities (a rule back to its default)',
    { coachSeverities: { orphan: null } },
    (s) => ({ ...s, coachSeverities: { 'kr-count': 'off' } }),
  ],
];

describeEachDialect('workspace settings change by merge', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  beforeAll(async () => {
    test = await freshDatabase(dialect);
  });
  afterAll(() => test.dispose());
  let run = 0;
  beforeEach(async () => {
    ({ services: s } = testServices(test.db, Date.UTC(2026, 10, 1), `ws${++run}`));
    org = await smallOrg(s);
    const { version } = await s.workspaces.get(org.admin);
    await s.workspaces.updateSettings(org.admin, { version, settings: BASELINE });
  });

  for (const [name, change, expected] of CHANGES) {
    it(`changing ${name} alone keeps every other setting`, async () => {
      const { version } = await s.workspaces.get(org.admin);
      const answered = await s.workspaces.updateSettings(org.admin, { version, settings: change });
      expect(answered.settings).toEqual(expected(BASELINE));
      expect((await s.workspaces.get(org.admin)).settings).toEqual(expected(BASELINE));
    });
  }

  it('a change to what the maths does not read leaves the stored rollups (nothing else moved)', async () => {
    await s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: org.krId, value: 40 });
    await test.db.kysely.updateTable('keyResults').set({ score: 0.123 }).where('id', '=', org.krId).execute();
    const { version } = await s.workspaces.get(org.admin);
    await s.workspaces.updateSettings(org.admin, { version, settings: { checkinHour: 8 } });
    const row = await test.db.kysely
      .selectFrom('keyResults')
      .select('score')
      .where('id', '=', org.krId)
      .executeTakeFirstOrThrow();
    expect(row.score).toBe(0.123);
  });

  it('a merged threshold is checked against the kept ones, naming the field', async () => {
    const { version } = await s.workspaces.get(org.admin);
    const error = await s.workspaces
      .updateSettings(org.admin, { version, settings: { thresholds: { atRisk: 0.85 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).message).toContain('settings.thresholds.atRisk');
  });

  it('an unknown coach rule id is refused, naming the id, and nothing changes', async () => {
    const { version } = await s.workspaces.get(org.admin);
    const error = await s.workspaces
      .updateSettings(org.admin, {
        version,
        settings: { coachSeverities: { 'kr-count': 'info', 'no-such-rule': 'off' } },
      })
      .catch((e: unknown) => e);
    expect((error as AppError).code).toBe('validation');
    expect((error as AppError).message).toContain('no-such-rule');
    expect((error as AppError).details.issues).toEqual([
      { path: 'settings.coachSeverities.no-such-rule', message: 'unknown coach rule id "no-such-rule"' },
    ]);
    expect((await s.workspaces.get(org.admin)).settings).toEqual(BASELINE);
  });

  it('the coach uses the stored severities', async () => {
    const yaml = `version: 1\ncycle: 2026-Q4\nobjectives:\n  - key: o\n    title: Delight our customers every single week\n    unit: company\n    lead: a@b.test\n    key_results:\n      - key: k\n        title: Increase weekly active teams from 10 to 100\n        measure: { type: increase, start: 10, target: 100 }\n`;
    const result = await s.coach.lint(org.admin, { yaml });
    expect(result.findings.some((f) => f.rule === 'kr-count')).toBe(false);
  });
});

describe('stored settings that do not parse', () => {
  it('keep every valid field and drop only what is wrong, with the problems named', () => {
    const stored = JSON.stringify({
      ...BASELINE,
      coachSeverities: { 'kr-count': 'off', retired: 'info' },
      weekStart: 9,
    });
    const { settings, problems } = parseStoredSettings(stored);
    expect(settings).toEqual({ ...BASELINE, coachSeverities: { 'kr-count': 'off' }, weekStart: 1 });
    expect(problems).toEqual([
      'weekStart: invalid (9); the default is used',
      'coachSeverities.retired: unknown coach rule id; ignored',
    ]);
  });

  it('are logged as an error with the workspace id, once per stored text', () => {
    const lines: unknown[][] = [];
    const logger = { error: (...args: unknown[]) => lines.push(args) } as never;
    const stored = JSON.stringify({ timeZone: 'Europe/Berlin', coachSeverities: { gone: 'off' } });
    expect(readSettings(stored, 'ws-1', logger).timeZone).toBe('Europe/Berlin');
    readSettings(stored, 'ws-1', logger);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toEqual({
      workspaceId: 'ws-1',
      problems: ['coachSeverities.gone: unknown coach rule id; ignored'],
    });
    expect(String(lines[0]?.[1])).toContain('invalid');
  });

  it('that are not JSON fall back to the defaults, logged', () => {
    const lines: unknown[][] = [];
    const logger = { error: (...args: unknown[]) => lines.push(args) } as never;
    expect(readSettings('{oops', 'ws-2', logger).timeZone).toBe('UTC');
    expect(lines).toHaveLength(1);
  });
});
