// Builds the browser app (web/ -> web/dist) with Vite: `npm run build:web`. With `--if-stale`
// (what `npm start` runs) it builds only when the build is missing or older than its sources,
// a check of file times that takes milliseconds.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the build lands; its manifest's time is the build's time. */
export const WEB_DIST = path.join(root, 'web/dist');
const MANIFEST = path.join(WEB_DIST, '.vite/manifest.json');
/** What the build is made from: the app, its entry page and config, and core/ (imported by the app). */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'core', 'package-lock.json'];

function newestTime(target: string): number {
  const stat = statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestTime(path.join(target, entry)));
  return newest;
}

/** Whether web/dist is missing or older than any of its sources. */
export function isWebBuildStale(): boolean {
  if (!existsSync(MANIFEST)) return true;
  const built = statSync(MANIFEST).mtimeMs;
  return SOURCES.some((source) => newestTime(path.join(root, source)) > built);
}

/**
 * Runs `vite build` with web/vite.config.ts in a child process with NODE_ENV=production (inside
 * Vitest NODE_ENV is "test", which would give React's development build).
 */
export async function buildWeb(options: { quiet?: boolean } = {}): Promise<void> {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const args = [vite, 'build', '--config', path.join(root, 'web/vite.config.ts')];
  if (options.quiet) args.push('--logLevel', 'warn');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--if-stale') && !isWebBuildStale()) {
    console.log('web app: build is current (web/dist)');
  } else {
    console.log('web app: building web/dist ...');
    await buildWeb();
  }
}
