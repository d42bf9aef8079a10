import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const repo = new URL('..', import.meta.url);
const tandem = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/tandem.js', ...args], { encoding: 'utf8', cwd: repo });

describe('tandem score', () => {
  it('prints the SPEC JSON for the example as of a date', () => {
    const run = tandem('score', 'examples/acme-2026-q4.yaml', '--at', '2026-11-20', '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    // A date alone is the start of that day in the file's timezone (Europe/Berlin).
    expect(out.at).toBe('2026-11-19T23:00:00.000Z');
    expect(Object.keys(out.goals[0])).toEqual([
      'key',
      'type',
      'progress',
      'score',
      'expected',
      'status',
      'flags',
      'forecast',
      'grade',
    ]);
    const nps = out.goals.find((g: { key: string }) => g.key === 'nps');
    expect(nps).toMatchObject({
      type: 'key_result',
      progress: 0.5,
      score: 0.5,
      status: 'on_track',
      grade: null,
    });
    expect(Object.keys(nps.forecast)).toEqual(['progress', 'score']);
    const latency = out.goals.find((g: { key: string }) => g.key === 'p95-latency');
    expect(latency.status).toBe('stale');
    const tutorial = out.goals.find((g: { key: string }) => g.key === 'in-app-tutorial');
    expect(tutorial).toMatchObject({ type: 'smart_goal', status: 'overdue', grade: 0.7 });
    expect(tutorial.progress).toBeCloseTo(2 / 3, 12);
  });

  it('prints a readable table by default', () => {
    const run = tandem('score', 'examples', '--at', '2026-11-20');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('As of 2026-11-20');
    expect(run.stdout).toMatch(/trusted-brand\s+50%\s+0\.50\s+38%\s+on_track/);
    expect(run.stdout).toMatch(/in-app-tutorial\s+67%\s+0\.67\s+100%\s+overdue/);
  });

  it('grades once the cycle has ended', () => {
    const out = JSON.parse(
      tandem('score', 'examples/acme-2026-q4.yaml', '--at', '2027-01-01', '--json').stdout,
    );
    expect(out.goals.find((g: { key: string }) => g.key === 'nps').grade).toBe(0.5);
  });

  it('exits 2 with file, line and column on broken YAML and schema errors', () => {
    const broken = tandem('score', 'cli/fixtures/score/broken.yaml');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^cli\/fixtures\/score\/broken\.yaml:\d+:\d+: YAML: /m);
    const invalid = tandem('score', 'cli/fixtures/score/invalid.yaml', '--json');
    expect(invalid.status).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toContain(
      'cli/fixtures/score/invalid.yaml:9:54: objectives[0].key_results[0].measure.target: target must differ from start',
    );
  });

  it('exits 2 on a bad --at, a missing file and no file at all', () => {
    expect(tandem('score', 'examples', '--at', 'last tuesday').status).toBe(2);
    const missing = tandem('score', 'no/such/file.yaml');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no/such/file.yaml: no such file or folder');
    expect(tandem('score').status).toBe(2);
  });
});
