// Builds the `tandem` command (cli/ with server/ and core/) into dist/ with esbuild:
// `npm run build`. With `--if-stale` it builds only when dist/ is missing or older than one of the
// files it was built from; `npm start` runs it with `--web --if-stale` (the web app likewise).
// bin/tandem.js runs dist/ when it is current and the TypeScript sources through tsx otherwise
// (docs/decisions/0016).
//
// - One ES module bundle per command (code splitting): `tandem --version` loads the entry alone,
//   `tandem score` the scoring code, `tandem serve` the server. Every output file sits in dist/
//   itself, so one relative path leads from any of them back to the checkout.
// - Packages stay external: node_modules is loaded as it is from the sources (better-sqlite3 and
//   argon2 are native; pdfkit, swagger-ui-dist and others read their own files at run time).
// - `import.meta.url` in a source file is rewritten to that source file's URL (relative to the
//   bundle, so the checkout may move): what a module reads next to itself (the Mustache templates
//   in server/notify/templates, web/dist, docs/openapi.json) is found where it is in the sources.
// - Source maps (linked), so stack traces name the TypeScript files and lines.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { isBuildCurrent } from '../bin/build-current.js';
import { buildWeb, isWebBuildStale } from './build-web';

/** The checkout, ending in a separator. */
const root = fileURLToPath(new URL('..', import.meta.url));
/** Where the build lands. */
export const DIST = path.join(root, 'dist');

interface BuildRecord {
  /** Every source file the bundle holds and the lock file, relative to the checkout, with forward slashes. */
  inputs: string[];
}

/**
 * Packages loaded from node_modules at run time rather than bundled: native modules, packages
 * that read their own files or start workers by path, and build tools the server only uses in
 * development. Everything else (pure JavaScript: zod, yaml, hono, kysely, commander...) is
 * bundled, which saves Node resolving and loading several hundred small files at every start.
 */
const EXTERNAL = [
  'better-sqlite3',
  '@node-rs/argon2',
  'pg',
  'pg-native',
  'pino',
  'pdfkit',
  'swagger-ui-dist',
  'nodemailer',
  '@e965/xlsx',
  'vite',
  'esbuild',
  'tsx',
];

/**
 * Rewrites `import.meta.url` in the checkout's own TypeScript files to the file's own URL, relative
 * to the build's directory `outdir`.
 */
const sourceUrls = (outdir: string): Plugin => ({
  name: 'source-urls',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const relative = path.relative(outdir, args.path).split(path.sep).join('/');
      const url = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
});

/**
 * zod's `locales` namespace holds the error messages of some fifty languages (~360 KB, parsed at
 * every start); Tandem's messages are English and nothing reads `z.locales`: the bundle gets a
 * namespace with English alone (zod configures it by itself).
 */
const englishZod: Plugin = {
  name: 'english-zod',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}zod${path.sep}`)
        ? { path: 'zod-locales-en', namespace: 'english-zod' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'english-zod' }, () => ({
      contents: `export { default as en } from ${JSON.stringify(path.join(root, 'node_modules/zod/v4/locales/en.js'))};`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * commander requires node:child_process when it loads (for subcommands that are executables of
 * their own, which `tandem` has none of); compiling that built-in and node:net below it cost every
 * start ~10-40 ms. commander gets a stand-in that loads the module when it is first used.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(builder) {
    builder.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${path.sep}node_modules${path.sep}commander${path.sep}`)
        ? { path: 'child_process', namespace: 'lazy-child-process' }
        : undefined,
    );
    builder.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

/**
 * Bundles cli/main.ts into `outdir` (dist/ by default, emptied first) and records its inputs in
 * build.json, written last; returns the number of source files.
 */
export async function buildCli(options: { quiet?: boolean; outdir?: string } = {}): Promise<number> {
  const outdir = options.outdir ?? DIST;
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'cli/main.ts' },
    outdir,
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    sourcemap: 'linked',
    metafile: true,
    logLevel: options.quiet ? 'warning' : 'info',
    plugins: [sourceUrls(outdir), englishZod, lazyChildProcess],
    // Bundled CommonJS packages (commander, yaml...) require() Node's built-ins: give them require.
    banner: {
      js: "import { createRequire as __tandemCreateRequire } from 'node:module'; const require = __tandemCreateRequire(import.meta.url);",
    },
  });
  // The bundled packages are as current as the lock file (`npm install` rewrites it), and the
  // bundle as its recipe (this file).
  const inputs = [
    'package-lock.json',
    'scripts/build.ts',
    ...Object.keys(result.metafile.inputs)
      // Files of the checkout (not node_modules, not the english-zod shim).
      .filter((input) => !input.startsWith('node_modules/') && !input.includes(':'))
      .sort(),
  ];
  const record: BuildRecord = { inputs };
  writeFileSync(path.join(outdir, 'build.json'), `${JSON.stringify(record, null, 2)}\n`);
  return inputs.length;
}

/** Whether the build in `outdir` (dist/) is missing or older than a file it was built from. */
export function isCliBuildStale(outdir = DIST): boolean {
  return !isBuildCurrent(pathToFileURL(root), pathToFileURL(`${outdir}${path.sep}`));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const ifStale = process.argv.includes('--if-stale');
  // `--web` (what `npm start` runs) builds the web app first, as `npm run build:web`, in the same
  // process: one tsx start less.
  if (process.argv.includes('--web')) {
    if (ifStale && !isWebBuildStale()) console.log('web app: build is current (web/dist)');
    else {
      console.log('web app: building web/dist ...');
      await buildWeb();
    }
  }
  if (ifStale && !isCliBuildStale()) {
    console.log('tandem: build is current (dist)');
  } else {
    const count = await buildCli({ quiet: true });
    console.log(`tandem: built dist/ from ${count} source files`);
  }
}
