import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GOALS_FILE_BYTES, MAX_GOALS_TOTAL_BYTES } from './load-goals';

/**
 * Goals files the CLI must refuse at once, with exit 2 and a message naming the file: one over
 * the size limit (a valid 50 MB file), inputs over the total, a FIFO (given directly or found in a
 * folder), a link that points nowhere. Symbolic links are followed, directly and inside folders.
 * Each run has a 60 s cap: a hang or a run of minutes fails the test instead of stalling it.
 */
const repo = new URL('..', import.meta.url);
const tandem = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/tandem.js', ...args], { encoding: 'utf8', cwd: repo, timeout: 60_000 });

const example = readFileSync(new URL('../examples/acme-2026-q4.yaml', import.meta.url), 'utf8');

/** A valid goals file of about `bytes`: the example's header, then objectives with unique keys. */
function validGoals(bytes: number): string {
  const header =
    'version: 1\ncycle: 2026-Q4\ntimezone: Europe/Berlin\nunits:\n  - { key: company, name: Acme }\nobjectives:\n';
  const one = (i: number) =>
    `  - key: o${i}\n    title: Become the most trusted brand in market number ${i}\n    unit: company\n` +
    `    lead: ceo@acme.example\n    key_results:\n      - key: k${i}\n` +
    `        title: Increase Net Promoter Score from 45 to 65 in segment ${i}\n` +
    '        owner: maria@acme.example\n        measure: { type: increase, start: 45, target: 65 }\n';
  const parts = [header];
  let size = header.length;
  for (let i = 0; size < bytes; i++) {
    const part = one(i);
    parts.push(part);
    size += part.length;
  }
  return parts.join('');
}

describe('goals files the CLI refuses or follows', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['score', 'lint'])('%s: refuses a valid 50 MB goals file at once, naming the limit', (command) => {
    const big = join(dir, 'big.yaml');
    writeFileSync(big, validGoals(50 * 1024 * 1024));
    const run = tandem(command, big);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/big\.yaml: 50\.0 MB is over the limit of 5 MB per goals file: split it/);
    expect(run.stderr).not.toMatch(/RangeError|stack|at .*\.ts:/);
  });

  it('refuses goals files adding up to more than the total limit before parsing any', () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    const each = MAX_GOALS_FILE_BYTES - 1024;
    for (let i = 0; i * each <= MAX_GOALS_TOTAL_BYTES; i++)
      writeFileSync(join(folder, `part-${i}.yaml`), `# ${'x'.repeat(each)}\n`);
    const run = tandem('score', folder);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/the 5 goals files add up to 2\d\.\d MB, over the limit of 20 MB in total/);
  });

  it.each(['score', 'lint'])(
    '%s: refuses a FIFO named x.yaml at once, given directly or inside a folder',
    (command) => {
      const folder = join(dir, `pipes-${command}`);
      mkdirSync(folder);
      const fifo = join(folder, 'x.yaml');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      writeFileSync(join(folder, 'company.yaml'), example);
      const direct = tandem(command, fifo);
      expect(direct.error).toBeUndefined();
      expect(direct.status).toBe(2);
      expect(direct.stderr).toContain(`${fifo}: a FIFO (named pipe): goals files must be regular files`);
      const inFolder = tandem(command, folder, '--at', '2026-11-20');
      expect(inFolder.error).toBeUndefined();
      expect(inFolder.status).toBe(2);
      expect(inFolder.stderr).toContain(`${fifo}: a FIFO (named pipe): goals files must be regular files`);
    },
  );

  it('follows symbolic links to goals files and folders, given directly or inside a folder, each read once', () => {
    const store = join(dir, 'store');
    mkdirSync(store);
    writeFileSync(join(store, 'acme.yaml'), example);
    const folder = join(dir, 'linked');
    mkdirSync(folder);
    symlinkSync(join(store, 'acme.yaml'), join(folder, 'acme.yaml'));
    // A loop of folder links, and a second link to the same file: read once, never forever.
    symlinkSync(folder, join(folder, 'again'));
    symlinkSync(join(store, 'acme.yaml'), join(folder, 'same.yaml'));
    const throughFolder = tandem('score', folder, '--at', '2026-11-20', '--json');
    expect(throughFolder.stderr).toBe('');
    expect(throughFolder.status).toBe(0);
    expect(JSON.parse(throughFolder.stdout).goals.map((g: { key: string }) => g.key)).toContain('nps');
    const direct = tandem('score', join(folder, 'acme.yaml'), '--at', '2026-11-20', '--json');
    expect(direct.status).toBe(0);
    expect(direct.stdout).toBe(throughFolder.stdout);
  });

  it('refuses a link that points nowhere, given directly or inside a folder', () => {
    const folder = join(dir, 'broken');
    mkdirSync(folder);
    writeFileSync(join(folder, 'company.yaml'), example);
    symlinkSync(join(dir, 'missing.yaml'), join(folder, 'gone.yaml'));
    for (const target of [folder, join(folder, 'gone.yaml')]) {
      const run = tandem('lint', target, '--at', '2026-11-20');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${join(folder, 'gone.yaml')}: a symbolic link that points nowhere`);
    }
  });
});
