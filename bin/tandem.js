#!/usr/bin/env node
// The `tandem` command (docs/decisions/0016). It runs the build in dist/ (`npm run build`, which
// `npm start` runs when stale) when that build is current, that is when no file it was built from
// is newer than it, and otherwise the TypeScript sources through tsx's loader: a fresh checkout
// needs no build step (`npx tandem` works right after `npm ci`), and an edited source is never
// shadowed by an old build. TANDEM_FROM_SOURCE=1 always runs the sources.
import { isBuildCurrent } from './build-current.js';

const root = new URL('..', import.meta.url);

let main;
if (process.env.TANDEM_FROM_SOURCE !== '1' && isBuildCurrent(root, new URL('dist/', root))) {
  // dist/ carries source maps; loading them costs start-up time, so stack traces name the
  // TypeScript files only with `node --enable-source-maps` (NODE_OPTIONS) or from the sources.
  ({ main } = await import('../dist/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv);
