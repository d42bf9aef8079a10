import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TokenService } from '../server/auth/token.service';
import { loadConfig } from '../server/config/config';
import { type RunningServer, startServer } from '../server/http/server';
import { serviceDeps } from '../server/services/context';
import { createServices } from '../server/services/index';
import { type SmallOrg, smallOrg } from '../server/test/fixtures';
import { runCheckin } from './checkin';
import { readLogin } from './credentials';

/**
 * `tandem login`, `tandem checkin` and `tandem logout` against a real server on loopback: the
 * exit codes through the real command, the rest through `runCheckin`.
 */
const folder = mkdtempSync(path.join(tmpdir(), 'tandem-checkin-'));
const config = path.join(folder, 'config');
/** Runs the real command; asynchronously, for the server in this process must answer it. */
const cli = (...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/tandem.js', ...args], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, XDG_CONFIG_HOME: config, TANDEM_SERVER: '', TANDEM_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });

let server: RunningServer;
let org: SmallOrg;
let token: string;
let krKey: string;

beforeAll(async () => {
  server = await startServer(
    loadConfig({
      PORT: '0',
      DATABASE_URL: path.join(folder, 'tandem.db'),
      LOG_LEVEL: 'silent',
      TANDEM_JOBS: 'off',
    }),
    { logger: pino({ level: 'silent' }) },
  );
  const deps = serviceDeps(server.db);
  org = await smallOrg(createServices(deps));
  token = (await new TokenService(deps).create(org.member, { name: 'cli' })).token;
  const keys = (await (
    await fetch(`${server.url}/api/v1/cycles/2026-Q4/goal-keys`, {
      headers: { authorization: `Bearer ${token}` },
    })
  ).json()) as { items: { key: string; goalId: string }[] };
  krKey = keys.items.find((k) => k.goalId === org.krId)!.key;
  process.env.XDG_CONFIG_HOME = config;
  delete process.env.TANDEM_SERVER;
  delete process.env.TANDEM_TOKEN;
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const checkIns = async () =>
  server.db.kysely
    .selectFrom('checkIns')
    .select(['value', 'confidence', 'note'])
    .where('goalId', '=', org.krId)
    .orderBy('seq')
    .execute();

describe('tandem login, checkin and logout', () => {
  it('refuses a bad token (1, nothing stored), stores a good one with mode 0600, and checks in by key with it', async () => {
    const refused = await cli('login', '--server', server.url, '--token', 'tdm_pat_wrong');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused the token.*nothing was stored/);
    expect(readLogin()).toBeUndefined();

    const login = await cli('login', '--server', server.url, '--token', token);
    expect(login.stderr).toBe('');
    expect(login.status).toBe(0);
    expect(login.stdout).toContain('as member@org.test (Org)');
    expect(readLogin()).toMatchObject({ server: new URL(server.url).origin, token });
    expect(statSync(path.join(config, 'tandem', 'login.json')).mode & 0o777).toBe(0o600);

    const run = await cli(
      'checkin',
      krKey,
      '--value',
      '30',
      '--confidence',
      '6',
      '--note',
      'Going well',
      '--cycle',
      '2026-Q4',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^checked in ${krKey}: Increase weekly active teams .*progress 30%`),
    );
    expect((await checkIns()).at(-1)).toEqual({ value: 30, confidence: 6, note: 'Going well' });
  }, 60_000);

  it('exits 2 for a malformed value, 1 for a goal the server does not have, with nothing recorded', async () => {
    const before = (await checkIns()).length;
    const bad = await cli('checkin', krKey, '--value', 'lots');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('the command line: --value: "lots" is not a number');
    const unknown = await cli('checkin', 'no-such-goal', '--value', '3', '--cycle', '2026-Q4');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(
      /no key result or SMART goal "no-such-goal" \(a key in 2026-Q4, or an id\)/,
    );
    expect((await checkIns()).length).toBe(before);
  }, 60_000);

  it('sends a CSV or YAML file as one batch, and reports every bad row with its line (nothing sent)', async () => {
    const out: string[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const csv = path.join(folder, 'week.csv');
      writeFileSync(csv, `\uFEFFGoal,Value,Confidence,Note\n${krKey},40,7,"Up, again"\n${org.krId},45,,\n`);
      expect(await runCheckin(undefined, { file: csv, cycle: '2026-Q4' }, (t) => out.push(t))).toBe(0);
      expect((await checkIns()).slice(-2)).toEqual([
        { value: 40, confidence: 7, note: 'Up, again' },
        { value: 45, confidence: null, note: null },
      ]);

      const yaml = path.join(folder, 'week.yaml');
      writeFileSync(yaml, `checkins:\n  - { goal: ${krKey}, value: 50, confidence: 8 }\n`);
      expect(await runCheckin(undefined, { file: yaml, cycle: '2026-Q4' }, (t) => out.push(t))).toBe(0);
      expect((await checkIns()).at(-1)).toMatchObject({ value: 50, confidence: 8 });

      const before = (await checkIns()).length;
      const broken = path.join(folder, 'broken.csv');
      writeFileSync(broken, `goal,value,confidence\n${krKey},55,7\n,3,\n${krKey},abc,11\n`);
      errors.mockClear();
      expect(await runCheckin(undefined, { file: broken }, (t) => out.push(t))).toBe(2);
      expect(errors.mock.calls.map((c) => String(c[0]))).toEqual([
        `${broken}:3: column goal: empty (a goal's key or id)`,
        `${broken}:4: column value: "abc" is not a number`,
        `${broken}:4: column confidence: "11" is not a number from 0 to 10`,
        'nothing was sent',
      ]);
      expect((await checkIns()).length).toBe(before);
    } finally {
      errors.mockRestore();
    }
  }, 60_000);

  it('forgets the login on logout; then a check-in names what it lacks (2)', async () => {
    const logout = await cli('logout');
    expect(logout.status).toBe(0);
    expect(logout.stdout).toContain(`logged out of ${new URL(server.url).origin}`);
    expect(readLogin()).toBeUndefined();
    const run = await cli('checkin', krKey, '--value', '1');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /no server: pass --server URL, set TANDEM_SERVER, or store one with tandem login/,
    );
  }, 60_000);
});
