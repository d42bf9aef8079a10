import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, test as base, expect, type Page } from '@playwright/test';
import type { Session } from './api';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts e2e/server.ts (a real `tandem serve` on a fresh SQLite file) and waits for its URL. */
async function startTandem(env: Record<string, string>): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'e2e/server.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, TANDEM_E2E_ENV: JSON.stringify(env) },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`the test server exited (${code}) before listening`)));
  });
  return { url, process: child };
}

export interface Fixtures {
  /**
   * Environment the test's server starts with besides the defaults of e2e/server.ts:
   * `test.use({ tandemEnv: { TANDEM_WEBHOOKS: 'on', TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8' } })`.
   */
  tandemEnv: Record<string, string>;
  /** The base URL of this test's own server. */
  tandem: string;
  /** A browser context signed in as someone (their session cookie set, as the API gave it). */
  signedIn: (session: Session) => Promise<{ context: BrowserContext; page: Page }>;
}

export const test = base.extend<Fixtures>({
  tandemEnv: [{}, { option: true }],
  tandem: async ({ tandemEnv }, use) => {
    const server = await startTandem(tandemEnv);
    await use(server.url);
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await exited;
  },
  baseURL: async ({ tandem }, use) => use(tandem),
  signedIn: async ({ browser, tandem }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (session) => {
      const context = await browser.newContext({ baseURL: tandem, reducedMotion: 'reduce' });
      await context.addCookies([{ name: 'tandem_session', value: session.cookie, url: tandem }]);
      contexts.push(context);
      return { context, page: await context.newPage() };
    });
    for (const context of contexts) await context.close();
  },
});

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

export { expect };
