#!/usr/bin/env node
// The `tandem` command (docs/decisions/0016). It runs the build in dist/ (`npm run build`, which
// `npm start` runs when stale) when that build is current, that is when no file it was built from
// is newer than it, and otherwise the TypeScript sources through tsx's loader: a fresh checkout
// needs no build step (`npx tandem` works right after `npm ci`), and an edited source is never
// shadowed by an old build. TANDEM_FROM_SOURCE=1 always runs the sources.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);

/** Whether dist/ holds a build no source file is newer than (a few hundred stats, ~2 ms). */
function isBuildCurrent() {
  if (process.env.TANDEM_FROM_SOURCE === '1') return false;
  try {
    const record = new URL('dist/build.json', root);
    const built = statSync(record).mtimeMs;
    statSync(new URL('dist/main.js', root));
    const { inputs } = JSON.parse(readFileSync(record, 'utf8'));
    for (const input of inputs) {
      const stat = statSync(new URL(input, root), { throwIfNoEntry: false });
      if (!stat || stat.mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}

let main;
if (isBuildCurrent()) {
  // dist/ carries source maps; loading them costs start-up time, so stack traces name the
  // TypeScript files only with `node --enable-source-maps` (NODE_OPTIONS) or the sources.
  ({ main } = await import('../dist/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
