// `npm run test:e2e`: builds the web app when stale, then runs the Playwright journeys in
// Debian's Chromium. Without Chromium the journeys are skipped with a message, except under
// CI=true, where a missing browser fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWeb, isWebBuildStale } from '../scripts/build-web';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.env.CI === 'true') {
    console.error(`e2e: no Chromium at ${chromium} (apt-get install -y chromium); failing under CI=true`);
    process.exit(1);
  }
  console.log(
    `e2e: skipped, no Chromium at ${chromium} (apt-get install -y chromium, or set TANDEM_CHROMIUM)`,
  );
  process.exit(0);
}
if (isWebBuildStale()) await buildWeb({ quiet: true });
const cli = path.join(root, 'node_modules/@playwright/test/cli.js');
const result = spawnSync(process.execPath, [cli, 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
