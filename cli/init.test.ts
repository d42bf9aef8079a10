import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { starterGoals } from './init';

const tandem = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/tandem.js', ...args], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url),
  });

describe('tandem init', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'tandem-init-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a goals file that lint passes without a finding, and a configuration example', () => {
    const dir = path.join(folder, 'repo');
    const run = tandem('init', dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`wrote ${path.join(dir, 'goals.yaml')}`);
    const lint = tandem('lint', path.join(dir, 'goals.yaml'));
    expect(lint.stdout.trim()).toBe('0 errors, 0 warnings, 0 infos in 1 goals file (7 goals)');
    expect(lint.status).toBe(0);
    const env = readFileSync(path.join(dir, '.env.example'), 'utf8');
    for (const name of ['DATABASE_URL', 'TANDEM_DATA_DIR', 'PORT', 'TANDEM_PUBLIC_URL', 'TANDEM_TOKEN'])
      expect(env).toMatch(new RegExp(`^# ${name}=`, 'm'));
  });

  it('refuses to overwrite either file: exit 1, nothing written', () => {
    const dir = path.join(folder, 'taken');
    tandem('init', dir);
    writeFileSync(path.join(dir, 'goals.yaml'), 'mine\n');
    rmSync(path.join(dir, '.env.example'));
    const run = tandem('init', dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/goals\.yaml already exists; nothing was written/);
    expect(readFileSync(path.join(dir, 'goals.yaml'), 'utf8')).toBe('mine\n');
    expect(() => readFileSync(path.join(dir, '.env.example'))).toThrow();
  });

  it.each([
    ['2027-01-04', '2027-Q1'],
    ['2027-01-20', '2027-Q2'],
    ['2027-02-20', '2027-Q2'],
    ['2027-12-31', '2028-Q1'],
  ])('on %s writes goals for %s that lint passes then', (day, cycle) => {
    const file = path.join(folder, `starter-${day}.yaml`);
    const text = starterGoals(new Date(`${day}T10:00:00Z`));
    expect(text).toContain(`cycle: ${cycle}\n`);
    writeFileSync(file, text);
    const lint = tandem('lint', file, '--at', day);
    expect(lint.stdout.trim()).toMatch(/^0 errors, 0 warnings, 0 infos/);
  });
});
