/**
 * Webhook latency of `tandem serve`: the time from a write's response to its webhook's arrival at a
 * receiver on loopback, over 20 writes spaced 0.3 to 1 s apart (so each one wakes an idle runner).
 * `npx tsx bench/webhook-latency.ts [DATABASE_URL]` (default an in-memory SQLite; give an empty
 * PostgreSQL database, never one in use). Figures in docs/PERFORMANCE.md.
 */
import pino from 'pino';
import { loadConfig } from '../server/config/config';
import { startServer } from '../server/http/server';
import { WebhookReceiver } from '../server/test/webhook-receiver';

const receiver = new WebhookReceiver();
await receiver.start();
const server = await startServer(
  loadConfig({ PORT: '0', DATABASE_URL: process.argv[2] ?? ':memory:', LOG_LEVEL: 'silent' }),
  { logger: pino({ level: 'silent' }) },
);
const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    email: 'ada@acme.test',
    password: 'a long enough password',
    name: 'Ada',
    workspaceName: 'Acme',
  }),
});
const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
const { csrfToken } = (await signup.json()) as { csrfToken: string };
const tok = await fetch(`${server.url}/api/v1/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({ name: 't' }),
});
const bearer = ((await tok.json()) as { token: string }).token;
const call = (method: string, path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify(body),
  });
await call('POST', '/api/v1/webhooks', { url: `${receiver.url}/h` });
const lat: number[] = [];
for (let i = 0; i < 20; i++) {
  const before = receiver.requests.length;
  const res = await call('POST', '/api/v1/cycles', {
    name: `C${i}`,
    kind: 'custom',
    startDate: '2026-01-01',
    endDate: '2026-02-01',
  });
  const t0 = performance.now();
  if (res.status !== 201) console.log(res.status, await res.text());
  while (receiver.requests.length === before) await new Promise((r) => setTimeout(r, 1));
  lat.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
}
lat.sort((a, b) => a - b);
console.log(
  `webhook latency after the response: p50 ${lat[10]!.toFixed(0)} ms, max ${lat[19]!.toFixed(0)} ms`,
);
await server.close();
await receiver.stop();
