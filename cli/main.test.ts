import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };

const tandem = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/tandem.js', ...args], {
    encoding: 'utf8',
    cwd: new URL('..', import.meta.url),
  });

describe('tandem command', () => {
  it('prints its version', () => {
    const run = tandem('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(packageJson.version);
  });

  it('prints help naming its subcommands', () => {
    const run = tandem('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: tandem');
    for (const command of ['advise', 'backup', 'demo', 'lint', 'restore', 'score', 'serve']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  it('exits 2 on an unknown command', () => {
    const run = tandem('no-such-command');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown command|too many arguments/);
  });

  it('says a command is unknown, and exits 2, when asked for its help', () => {
    for (const args of [
      ['nosuch', '--help'],
      ['help', 'nosuch'],
    ]) {
      const run = tandem(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("unknown command 'nosuch'");
      expect(run.stdout).toBe('');
    }
  });
});
