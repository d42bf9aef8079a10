// The web app's bundle sizes, read from the build manifest (web/dist/.vite/manifest.json):
// what the dashboard's first load costs, and each lazy chunk. `tsx scripts/web-budget.ts` prints them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from './build-web';

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The route chunks the dashboard needs before its first paint: the signed-in layout and the dashboard. */
export const DASHBOARD_ROUTES = [
  'src/routes/_app.tsx?tsr-split=component',
  'src/routes/_app/index.tsx?tsr-split=component',
];

export interface BudgetReport {
  /** Gzipped JS of the dashboard's first load: the entry, the two route chunks, and all they import statically. */
  dashboardFirstLoad: number;
  dashboardFiles: string[];
  /** Each lazy chunk's own gzipped size. */
  lazyChunks: { name: string; file: string; gzip: number }[];
  /** The chunks lazy routes share (loaded with the first route that needs them). */
  sharedChunks: { name: string; file: string; gzip: number }[];
}

/** Reads the manifest and gzips (level 9) the JavaScript files of each group. */
export function measureBundle(dist = WEB_DIST): BudgetReport {
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    Chunk
  >;
  const gzip = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      const chunk = manifest[key];
      if (!chunk) throw new Error(`the manifest has no chunk ${key}`);
      seen.add(key);
      for (const next of chunk.imports ?? []) visit(next);
    };
    keys.forEach(visit);
    return [...seen].map((key) => manifest[key]!.file).filter((file) => file.endsWith('.js'));
  };
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry)?.[0];
  if (!entry) throw new Error('the manifest has no entry');
  const dashboardFiles = closure([entry, ...DASHBOARD_ROUTES]);
  return {
    dashboardFirstLoad: dashboardFiles.reduce((sum, file) => sum + gzip(file), 0),
    dashboardFiles,
    lazyChunks: Object.entries(manifest)
      .filter(([, chunk]) => chunk.isDynamicEntry)
      .map(([name, chunk]) => ({ name, file: chunk.file, gzip: gzip(chunk.file) })),
    sharedChunks: Object.entries(manifest)
      .filter(([, chunk]) => !chunk.isEntry && !chunk.isDynamicEntry && chunk.file.endsWith('.js'))
      .map(([name, chunk]) => ({ name, file: chunk.file, gzip: gzip(chunk.file) })),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const report = measureBundle();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `dashboard first load: ${kb(report.dashboardFirstLoad)} gzip (${report.dashboardFiles.length} files)`,
  );
  console.log('lazy route chunks:');
  for (const chunk of report.lazyChunks.sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${kb(chunk.gzip).padStart(9)}  ${chunk.name}`);
  console.log('shared chunks:');
  for (const chunk of report.sharedChunks.sort((a, b) => b.gzip - a.gzip))
    console.log(`  ${kb(chunk.gzip).padStart(9)}  ${chunk.name}`);
}
