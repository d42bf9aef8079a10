import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts a command in its own process group and waits for the URL it prints. */
function start(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${output}`)), 30_000);
    const onData = (data: Buffer) => {
      output += data.toString();
      const url = /listening on (http:\/\/\S+) /.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // The group is gone already.
  }
}

describe('tandem serve', () => {
  let child: ChildProcess | undefined;
  let folder: string | undefined;
  afterEach(() => {
    stop(child);
    child = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('starts from `npm start` on an empty folder: creates the SQLite file, migrates, answers /api/health', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-serve-'));
    const dataDir = path.join(folder, 'data');
    const started = await start('npm', ['start', '--', '--port', '0'], {
      TANDEM_DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
    });
    child = started.child;
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${started.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    const signup = await fetch(`${started.url}/api/v1/auth/signup`);
    expect(await signup.json()).toEqual({ isOpen: true });
    expect(existsSync(path.join(dataDir, 'tandem.db'))).toBe(true);
    const logLine = started
      .output()
      .split('\n')
      .find((line) => line.includes('"msg":"request"'));
    if (logLine) expect(JSON.parse(logLine)).toHaveProperty('requestId');
  }, 60_000);

  it('refuses a bad configuration with a readable message and exit code 2', async () => {
    const child = spawn('node', ['bin/tandem.js', 'serve'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', TANDEM_SIGNUP: 'sometimes' },
    });
    let output = '';
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(output).toContain('invalid configuration');
    expect(output).toContain('PORT');
    expect(output).toContain('TANDEM_SIGNUP');
  }, 30_000);

  it('says plainly when the port is taken, and exits 1', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-busy-'));
    const first = await start('node', ['bin/tandem.js', 'serve', '--port', '0'], {
      TANDEM_DATA_DIR: path.join(folder, 'a'),
      LOG_LEVEL: 'warn',
    });
    child = first.child;
    const port = new URL(first.url).port;
    const second = spawn('node', ['bin/tandem.js', 'serve', '--port', port], {
      cwd: root,
      env: { ...process.env, TANDEM_DATA_DIR: path.join(folder, 'b'), LOG_LEVEL: 'warn' },
    });
    let output = '';
    second.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toContain(`127.0.0.1:${port} is in use`);
  }, 60_000);

  it('loads the demo organisation with --demo and prints a sign-in', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-demo-'));
    const started = await start('node', ['bin/tandem.js', 'serve', '--demo', '--port', '0'], {
      TANDEM_DATA_DIR: path.join(folder, 'data'),
      LOG_LEVEL: 'warn',
    });
    child = started.child;
    const login = /Sign in as (\S+) with password (\S+)/.exec(started.output());
    expect(login).not.toBeNull();
    const res = await fetch(`${started.url}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: login![1], password: login![2] }),
    });
    expect(res.status).toBe(200);
    const me = (await res.json()) as { workspace: { name: string } };
    expect(me.workspace.name).toBe('Northwind');
    // A second start on the same data says it is loaded and how to reset the password.
    stop(child);
    await new Promise((resolve) =>
      started.child.exitCode !== null ? resolve(null) : started.child.once('exit', resolve),
    );
    const again = await start('node', ['bin/tandem.js', 'serve', '--demo', '--port', '0'], {
      TANDEM_DATA_DIR: path.join(folder, 'data'),
      LOG_LEVEL: 'warn',
    });
    child = again.child;
    expect(again.output()).toContain(
      'The demo organisation is already loaded. Sign in as maria@northwind.test',
    );
    expect(again.output()).toContain('tandem demo --reset-password');
  }, 120_000);

  it('`tandem demo` loads where `tandem serve` reads, once, and prints how to sign in', async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tandem-demo-cli-'));
    const env: Record<string, string | undefined> = {
      ...process.env,
      TANDEM_DATA_DIR: path.join(folder, 'data'),
    };
    delete env.DATABASE_URL;
    const run = (args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const p = spawn('node', ['bin/tandem.js', 'demo', ...args], { cwd: root, env });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.stderr.on('data', (d: Buffer) => (out += d.toString()));
        p.once('exit', (code) => resolve({ code, out }));
      });
    const first = await run(['--password', 'a demo password']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('sign in as maria@northwind.test with password a demo password');
    expect(existsSync(path.join(folder, 'data', 'tandem.db'))).toBe(true);
    const second = await run([]);
    expect(second.code).toBe(0);
    expect(second.out).toContain('already loaded');
    expect((await run(['--password', 'short'])).code).toBe(2);
    const started = await start('node', ['bin/tandem.js', 'serve', '--port', '0'], {
      TANDEM_DATA_DIR: path.join(folder, 'data'),
      LOG_LEVEL: 'warn',
    });
    child = started.child;
    const res = await fetch(`${started.url}/api/v1/auth/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'maria@northwind.test', password: 'a demo password' }),
    });
    expect(res.status).toBe(200);
  }, 120_000);
});
