import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenService } from '../server/auth/token.service';
import { loadConfig } from '../server/config/config';
import { type RunningServer, startServer } from '../server/http/server';
import { serviceDeps } from '../server/services/context';
import { createServices } from '../server/services/index';
import { smallOrg } from '../server/test/fixtures';
import { starterGoals } from './init';

/**
 * The recipe of docs/goals-as-code.md, as CI runs it: `docs/goals-as-code/goals-sync.sh check` (lint,
 * then import --dry-run) on a pull request, `apply` (lint, then import) on merge, against a real
 * server with a token; applying again changes nothing.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const folder = mkdtempSync(path.join(tmpdir(), 'tandem-goals-as-code-'));
const goals = path.join(folder, 'goals');
let server: RunningServer;
let token: string;

const sync = (
  mode: string,
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn('sh', [path.join(root, 'docs/goals-as-code/goals-sync.sh'), mode, ...args], {
      cwd: root,
      env: {
        ...process.env,
        TANDEM: `${process.execPath} ${path.join(root, 'bin/tandem.js')}`,
        GOALS_DIR: goals,
        TANDEM_SERVER: server.url,
        TANDEM_TOKEN: token,
        XDG_CONFIG_HOME: path.join(folder, 'config'),
      },
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

const objectives = async () =>
  (await server.db.kysely.selectFrom('objectives').select(['title']).orderBy('title').execute()).map(
    (o) => o.title,
  );

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
  const org = await smallOrg(createServices(deps));
  token = (await new TokenService(deps).create(org.admin, { name: 'ci' })).token;
  mkdirSync(goals);
  // The goals file tandem init writes, for the quarter the workspace plans (2026-Q4).
  writeFileSync(path.join(goals, 'customer-team.yaml'), starterGoals(new Date('2026-10-05T09:00:00Z')));
});
afterAll(async () => {
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('goals as code (docs/goals-as-code.md)', () => {
  it('checks a pull request (lint, dry run: nothing written), applies on merge, and a second apply changes nothing', async () => {
    const before = await objectives();
    const check = await sync('check', '--create-missing');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/== tandem lint [^\n]*\n[\s\S]*\n0 errors, \d+ warnings?/);
    expect(check.stdout).toMatch(/would import into 2026-Q4: 10 to create, 0 to update, 0 unchanged/);
    expect(await objectives()).toEqual(before);

    const apply = await sync('apply', '--create-missing');
    expect(apply.status).toBe(0);
    expect(apply.stdout).toMatch(/imported into 2026-Q4: 10 created, 0 updated, 0 unchanged/);
    expect(await objectives()).toEqual(
      [
        ...before,
        'Become the tool our customers would miss most',
        'Make every new customer successful in their first month',
      ].sort(),
    );

    const again = await sync('apply', '--create-missing');
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(
      /imported into 2026-Q4: 0 created, 0 updated, 7 unchanged, 0 check-in\(s\) added/,
    );

    // A reviewed change: the dry run names what the merge will update, and only that.
    const file = path.join(goals, 'customer-team.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('from 40% to 60%', 'from 40% to 70%')
        .replace('target: 60', 'target: 70'),
    );
    const changed = await sync('check');
    expect(changed.status).toBe(0);
    expect(changed.stdout).toMatch(/update key result onboarding-completion: .*70%/);
    expect(changed.stdout).toMatch(/would import into 2026-Q4: 0 to create, 1 to update, \d+ unchanged/);
  }, 180_000);

  it('stops a pull request with a malformed goals file before any import (exit 2)', async () => {
    const bad = path.join(goals, 'broken.yaml');
    writeFileSync(bad, 'version: 1\ncycle: 2026-Q4\nobjectives:\n  - key: [oops\n');
    try {
      const check = await sync('check');
      expect(check.status).toBe(2);
      expect(check.stderr).toMatch(/broken\.yaml:\d+:\d+/);
      expect(check.stdout).not.toContain('== tandem import');
    } finally {
      rmSync(bad);
    }
  }, 60_000);
});
