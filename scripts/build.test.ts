import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, isCliBuildStale } from './build';

const root = fileURLToPath(new URL('..', import.meta.url));
let outdir: string;
let dataDir: string;
let server: ChildProcess | undefined;

/** Runs the bundle as bin/tandem.js does, through a two-line runner written beside it. */
const runBuilt = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(outdir, 'run.mjs'), ...args], { cwd: root, encoding: 'utf8' });

describe('the build of the tandem command (scripts/build.ts)', () => {
  beforeAll(async () => {
    // Inside the checkout, where the external packages resolve (from node_modules above it).
    mkdirSync(path.join(root, 'node_modules/.cache'), { recursive: true });
    outdir = mkdtempSync(path.join(root, 'node_modules/.cache/tandem-build-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-build-data-'));
    await buildCli({ quiet: true, outdir });
    writeFileSync(
      path.join(outdir, 'run.mjs'),
      "import { main } from './main.js';\nprocess.exitCode = await main(process.argv);\n",
    );
  }, 120_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('splits per command and leaves native and file-reading packages external', () => {
    const files = readdirSync(outdir);
    expect(files).toContain('main.js');
    expect(files).toContain('build.json');
    expect(files.some((file) => /^serve-.*\.js$/.test(file))).toBe(true);
    expect(files.some((file) => file.endsWith('.js.map'))).toBe(true);
    const bundle = files
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(outdir, file), 'utf8'))
      .join('\n');
    for (const external of ['better-sqlite3', '@node-rs/argon2', 'pdfkit', 'pg', 'pino'])
      expect(bundle).toMatch(new RegExp(`(from |require\\d*\\()["']${external}["']`));
    // pdfkit's own code is not in the bundle (it reads its font files from its own directory).
    expect(bundle).not.toContain('class PDFDocument extends');
    // zod's messages in English only (the other locales are ~360 KB parsed at every start).
    expect(bundle).toContain('// node_modules/zod/v4/locales/en.js');
    expect(bundle).not.toContain('// node_modules/zod/v4/locales/fr.js');
    // `tandem --version` loads the entry alone: it imports no chunk of the server.
    const entry = readFileSync(path.join(outdir, 'main.js'), 'utf8');
    expect(entry).not.toContain('better-sqlite3');
  });

  it('points import.meta.url of each source file at that file, so what it reads beside it is found', () => {
    const urls = readdirSync(outdir)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) =>
        [
          ...readFileSync(path.join(outdir, file), 'utf8').matchAll(
            /new URL\("([^"]+\.ts)", import\.meta\.url\)/g,
          ),
        ].map((match) => new URL(match[1]!, pathToFileURL(path.join(outdir, file)))),
      );
    const sources = urls.map((url) => path.relative(root, fileURLToPath(url)).split(path.sep).join('/'));
    expect(sources).toEqual(expect.arrayContaining(['server/notify/render.ts', 'server/http/server.ts']));
    for (const url of urls) expect(existsSync(url)).toBe(true);
    // The Mustache templates render.ts reads with new URL('./templates/...', import.meta.url).
    const render = urls.find((url) => url.pathname.endsWith('server/notify/render.ts'))!;
    expect(existsSync(new URL('./templates/', render))).toBe(true);
  });

  it('runs --version and score with the same output as the sources', () => {
    const version = runBuilt('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
    const args = ['score', 'examples/acme-2026-q4.yaml', '--at', '2026-11-20', '--json'];
    const built = runBuilt(...args);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const source = spawnSync(process.execPath, ['bin/tandem.js', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TANDEM_FROM_SOURCE: '1' },
    });
    expect(source.status).toBe(0);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
  }, 60_000);

  it('serves the API, its docs and the notification templates from the bundle', async () => {
    server = spawn(process.execPath, [path.join(outdir, 'run.mjs'), 'serve', '--port', '0'], {
      cwd: root,
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    });
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      server!.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (match) resolve(match[0]);
      });
      server!.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
    });
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });
    // swagger-ui-dist is found with require.resolve from the source file's URL.
    const css = await fetch(`${url}/api/docs/swagger-ui.css`);
    expect(css.status).toBe(200);
    expect((await css.text()).length).toBeGreaterThan(1000);
  }, 60_000);

  it('counts as stale when a file it was built from is newer or gone', () => {
    expect(isCliBuildStale(outdir)).toBe(false);
    const record = path.join(outdir, 'build.json');
    const { inputs } = JSON.parse(readFileSync(record, 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(expect.arrayContaining(['cli/main.ts', 'core/evaluate.ts', 'package-lock.json']));
    expect(inputs.some((input) => input.startsWith('node_modules/'))).toBe(false);
    // Every source is newer than a build dated 2000.
    utimesSync(record, new Date('2000-01-01'), new Date('2000-01-01'));
    expect(isCliBuildStale(outdir)).toBe(true);
    rmSync(record);
    expect(isCliBuildStale(outdir)).toBe(true);
  });
});
