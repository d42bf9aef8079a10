// Starts a real Tandem server (server/http/server.ts) on 127.0.0.1, port 0, with a fresh SQLite
// file in a temporary folder, serving the built web app; prints {"url"} on one line, and stops
// (removing the folder) on SIGTERM. Run by e2e/fixtures.ts in a child process through tsx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../server/config/config';
import { startServer } from '../server/http/server';

const dir = mkdtempSync(path.join(tmpdir(), 'tandem-e2e-'));
// A test may add to the environment (fixtures.ts, `tandemEnv`): webhooks on, loopback allowed.
const extra = JSON.parse(process.env.TANDEM_E2E_ENV ?? '{}') as Record<string, string>;
const config = loadConfig(
  {
    DATABASE_URL: path.join(dir, 'tandem.db'),
    TANDEM_WEBHOOKS: 'off',
    LOG_LEVEL: 'silent',
    // Journeys point Slack and Teams webhooks at receivers on loopback.
    TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8',
    ...extra,
  },
  { port: 0, host: '127.0.0.1' },
);
const server = await startServer(config, { logger: pino({ level: 'silent' }) });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);

const stop = async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
