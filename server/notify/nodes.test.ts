import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, PG_URL, type TestDatabase } from '../test/databases';
import { type ReceivedMail, type SmtpReceiver, startSmtpReceiver } from '../test/smtp-receiver';
import { WebhookReceiver } from '../test/webhook-receiver';

/**
 * The issue's test with real parts: two `tandem serve` processes on one PostgreSQL, each reading
 * the simulated clock from a file this test moves (`TANDEM_TEST_CLOCK_FILE`), a real SMTP server
 * and a Slack receiver on loopback. Set up over the API as a new admin would (people in New York,
 * Berlin and Tokyo, email and Slack, a workspace Slack webhook), eight weeks of Monday 9:00
 * check-in occasions: every due reminder arrives once per channel, at the first step after 9:00
 * in the person's zone; nobody who checked in is reminded; the lead's digest escalates the goal
 * left alone from week three. In week four one node is killed with SIGKILL while it holds the
 * occasion's sends (its SMTP messages handed over but not yet answered, its Slack posts
 * unanswered); the other takes them over when their leases end, and the killed node is restarted
 * for the remaining weeks.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const suite = PG_URL || process.env.CI === 'true' ? describe : describe.skip;

const MIN = 60_000;
const HOUR = 60 * MIN;
const START = Date.UTC(2026, 8, 30, 12); // Wednesday before the cycle (Oct 1) begins
const MONDAYS = Array.from({ length: 8 }, (_, i) => Date.UTC(2026, 9, 5 + 7 * i));
const PUBLIC = 'https://tandem.example.com';
const KILL_WEEK = 3; // the fourth Monday (Oct 26, the day after Berlin leaves summer time)

interface Node {
  name: string;
  child: ChildProcess;
  url: string;
}

suite('reminders across two tandem serve processes on one PostgreSQL', () => {
  let test: TestDatabase;
  let smtp: SmtpReceiver;
  const slack = new WebhookReceiver();
  let dir: string;
  const nodes: Node[] = [];

  beforeAll(async () => {
    test = await freshDatabase('postgres');
    smtp = await startSmtpReceiver();
    await slack.start();
    dir = mkdtempSync(path.join(tmpdir(), 'tandem-clock-'));
  }, 60_000);
  afterAll(async () => {
    for (const node of nodes)
      if (node.child.exitCode === null && node.child.signalCode === null) {
        const exited = new Promise((resolve) => node.child.once('exit', resolve));
        process.kill(node.child.pid!, 'SIGCONT');
        node.child.kill('SIGTERM');
        await exited;
      }
    await slack.stop();
    await smtp?.close();
    await test?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const clockFile = () => path.join(dir, 'now');
  let now = START;
  /** Moves both servers' clock: written aside and renamed, so a server never reads half a number. */
  const setClock = async (at: number, ...seenBy: Node[]) => {
    now = at;
    writeFileSync(`${clockFile()}.next`, String(at));
    renameSync(`${clockFile()}.next`, clockFile());
    // Each node named answers with the time it has read: wait until it is this one.
    for (const node of seenBy)
      await waitFor(`${node.name} to read the clock`, async () => {
        const res = await fetch(`${node.url}/api/health`);
        await res.arrayBuffer();
        return res.headers.get('x-tandem-test-now') === String(at);
      });
  };

  const startNode = (name: string) =>
    new Promise<Node>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin/tandem.js'), 'serve', '--port', '0'], {
        cwd: root,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          DATABASE_URL: test.location,
          TANDEM_TEST_CLOCK_FILE: clockFile(),
          TANDEM_SMTP_URL: smtp.url,
          TANDEM_MAIL_FROM: 'Tandem <tandem@example.com>',
          TANDEM_PUBLIC_URL: PUBLIC,
          TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8',
          TANDEM_SESSION_DAYS: '365',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let err = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        const url = /Tandem is listening on (\S+)/.exec(err)?.[1];
        if (url) {
          const node = { name, child, url };
          nodes.push(node);
          resolve(node);
        }
      });
      child.once('exit', (code, signal) => {
        if (!/listening on/.test(err)) reject(new Error(`${name} exited (${code ?? signal}): ${err}`));
      });
    });

  const waitFor = async (what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 15_000) => {
    const until = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${what} at ${new Date(now).toISOString()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** The sweep of the clock's quarter hour has run and no send due by now waits or runs. */
  const quiet = async (what: string) => {
    const slot = new Date(Math.floor(now / (15 * MIN)) * 15 * MIN).toISOString();
    await waitFor(what, async () => {
      const sweep = await test.db.kysely
        .selectFrom('jobs')
        .select('state')
        .where('key', '=', `notify.sweep@${slot}`)
        .executeTakeFirst();
      if (sweep?.state !== 'succeeded') return false;
      const pending = await test.db.kysely
        .selectFrom('jobs')
        .select('id')
        .where('name', 'in', ['notify.send', 'notify.digest'])
        .where('state', 'in', ['queued', 'running'])
        .where('runAt', '<=', now)
        .execute();
      return pending.length === 0;
    });
  };

  it('sends every due reminder once per channel across both nodes, also when one is killed mid-send', {
    // The eight weeks' steps took ~25 s at a load average of 18 on 2 cores; start-up and setup grow with load.
    timeout: 300_000,
  }, async () => {
    await setClock(START);
    let [one, two] = await Promise.all([startNode('one'), startNode('two')]);

    // Set up as a new admin would, over the API of the first node.
    const call = async <T = Record<string, unknown>>(
      method: string,
      url: string,
      body?: unknown,
      bearer?: string,
    ): Promise<T> => {
      const res = await fetch(`${one!.url}/api/v1${url}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
      return JSON.parse(text) as T;
    };
    const signup = await fetch(`${one.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'admin@spread.test',
        password: 'correct horse battery staple',
        name: 'Admin Person',
        workspaceName: 'Spread',
        timeZone: 'Europe/Berlin',
      }),
    });
    const cookie = /tandem_session=([^;]+)/.exec(signup.headers.get('set-cookie') ?? '')![1]!;
    const { csrfToken } = (await signup.json()) as { csrfToken: string };
    const tokenRes = await fetch(`${one.url}/api/v1/tokens`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `tandem_session=${cookie}`,
        'X-CSRF-Token': csrfToken,
      },
      body: JSON.stringify({ name: 'setup' }),
    });
    expect(tokenRes.status).toBe(201);
    const { token } = (await tokenRes.json()) as { token: string };
    const api = <T = Record<string, unknown>>(method: string, url: string, body?: unknown) =>
      call<T>(method, url, body, token);

    const workspace = await api<{ version: number }>('GET', '/workspace');
    await api('PATCH', '/workspace/settings', {
      version: workspace.version,
      settings: { checkinDay: 1, checkinHour: 9, notificationChannels: ['email', 'slack'] },
    });
    await api('POST', '/chat-webhooks', {
      kind: 'slack',
      url: `${slack.url}/services/T000/B000/slack`,
      description: 'The #platform channel',
    });
    const team = await api<{ id: string }>('POST', '/units', { name: 'Platform' });
    const add = async (name: string, timeZone: string) => {
      const person = await api<{ id: string }>('POST', '/people', {
        email: `${name.toLowerCase()}@spread.test`,
        name: `${name} Doe`,
        role: 'member',
        timeZone,
      });
      return person.id;
    };
    const people = {
      lead: await add('Lead', 'Europe/Berlin'),
      ana: await add('Ana', 'America/New_York'),
      ben: await add('Ben', 'Europe/Berlin'),
      chi: await add('Chi', 'Asia/Tokyo'),
    };
    await api('PUT', `/units/${team.id}/members/${people.lead}`, { isLead: true });
    for (const id of [people.ana, people.ben, people.chi])
      await api('PUT', `/units/${team.id}/members/${id}`, { isLead: false });
    const cycle = await api<{ id: string }>('POST', '/cycles', { name: '2026-Q4', state: 'active' });
    const objective = await api<{ id: string }>('POST', '/objectives', {
      cycleId: cycle.id,
      title: 'Run a reliable platform',
      unitId: team.id,
    });
    const kr = async (ownerId: string, title: string) =>
      (
        await api<{ id: string }>('POST', '/key-results', {
          objectiveId: objective.id,
          title,
          measure: { type: 'increase', start: 0, target: 100 },
          ownerId,
        })
      ).id;
    const goals = {
      ana: await kr(people.ana, 'Raise uptime checks to 100'),
      ben: await kr(people.ben, 'Automate 100 runbooks'),
      chi: await kr(people.chi, 'Write 100 on-call pages'),
    };
    let value = 0;
    const checkIn = (goalId: string) =>
      api('POST', '/check-ins', { goalType: 'key_result', goalId, value: ++value });

    // Where each message arrived: the step (simulated instant) at which the test first saw it.
    const mailAt = new Map<ReceivedMail, number>();
    const slackAt: number[] = [];
    const slackCounted = new Set<number>();
    const note = () => {
      for (const mail of smtp.mails) if (!mailAt.has(mail)) mailAt.set(mail, now);
      for (let i = slackAt.length; i < slack.requests.length; i++) slackAt.push(now);
    };
    const step = async (at: number, what: string) => {
      await setClock(at, one, two);
      await quiet(what);
      note();
    };

    // The first sweep after the setup (the nodes' own first sweeps ran on an empty database).
    await step(START + 15 * MIN, 'the first sweep');
    let lost: ReceivedMail[] = [];
    let abandonedSlack: number[] = [];
    for (const [week, monday] of MONDAYS.entries()) {
      // Chi checks in every Sunday at noon UTC, before her Monday 9:00 in Tokyo (Monday 00:00 UTC).
      await setClock(monday - 12 * HOUR, one, two);
      await checkIn(goals.chi);
      await step(monday - 12 * HOUR, `week ${week + 1}: Sunday`);
      await step(monday + 15 * MIN, `week ${week + 1}: Tokyo`);
      if (week === KILL_WEEK) {
        // The second node is frozen; the first takes the Berlin occasion's sends and is killed
        // while the SMTP server and Slack have them but have not answered.
        process.kill(two.child.pid!, 'SIGSTOP');
        smtp.hold();
        const before = slack.requests.length;
        slack.fallback = { status: 200, isHung: true };
        await setClock(monday + 8 * HOUR + 15 * MIN, one);
        await waitFor(
          'the first node to hold the Berlin sends',
          () => smtp.held >= 1 && slack.requests.length > before,
        );
        const exited = new Promise((resolve) => one.child.once('exit', resolve));
        one.child.kill('SIGKILL');
        await exited;
        await waitFor('the SMTP server to see the connections close', () => smtp.held === 0);
        lost = smtp.release();
        abandonedSlack = Array.from({ length: slack.requests.length - before }, (_, i) => before + i);
        for (const i of abandonedSlack) slackCounted.add(i);
        note();
        slack.fallback = { status: 200, body: 'ok' };
        process.kill(two.child.pid!, 'SIGCONT');
        // The leases (60 s) end; the second node takes the sends over. The first is restarted.
        one = await startNode('one-restarted');
        await step(monday + 8 * HOUR + 20 * MIN, `week ${week + 1}: Berlin, after the kill`);
      } else await step(monday + 8 * HOUR + 15 * MIN, `week ${week + 1}: Berlin`);
      await step(monday + 14 * HOUR + 15 * MIN, `week ${week + 1}: New York`);
      // Ana checks in as soon as her reminder arrives (after it: she is reminded again next week).
      if (smtp.mails.some((m) => m.to === 'ana@spread.test' && mailAt.get(m) === now))
        await checkIn(goals.ana);
    }

    // The killed node held at least one email and one Slack post; none was accepted, all were sent again.
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(abandonedSlack.length).toBeGreaterThanOrEqual(1);

    const berlinStep = (monday: number, week: number) =>
      monday + 8 * HOUR + (week === KILL_WEEK ? 20 : 15) * MIN;
    const expectedStep = {
      ana: (monday: number) => monday + 14 * HOUR + 15 * MIN,
      ben: berlinStep,
      lead: berlinStep,
    };
    // Email: one reminder per Monday per person, at the first step after 9:00 in their zone.
    const emails = (to: string, prefix: string) =>
      smtp.mails.filter((m) => m.to === to && m.subject.startsWith(prefix)).map((m) => mailAt.get(m)!);
    expect(emails('ana@spread.test', 'Check-in')).toEqual(MONDAYS.map((m) => expectedStep.ana(m)));
    expect(emails('ben@spread.test', 'Check-in')).toEqual(MONDAYS.map((m, w) => expectedStep.ben(m, w)));
    // Chi checked in before every Monday; the lead owns nothing to check in on.
    expect(emails('chi@spread.test', 'Check-in')).toEqual([]);
    expect(emails('lead@spread.test', 'Check-in')).toEqual([]);
    expect(emails('lead@spread.test', 'Weekly digest')).toEqual(
      MONDAYS.map((m, w) => expectedStep.lead(m, w)),
    );

    // Slack: the answered posts, one per person per Monday, at the same steps.
    const posts = slack.requests
      .map((r, i) => ({ text: (JSON.parse(r.body) as { text: string }).text, at: slackAt[i]!, i }))
      .filter((p) => !slackCounted.has(p.i));
    const slackOf = (first: string, prefix: string) =>
      posts.filter((p) => p.text.startsWith(prefix) && p.text.includes(`Hi ${first},`)).map((p) => p.at);
    expect(slackOf('Ana', 'Check-in')).toEqual(MONDAYS.map((m) => expectedStep.ana(m)));
    expect(slackOf('Ben', 'Check-in')).toEqual(MONDAYS.map((m, w) => expectedStep.ben(m, w)));
    expect(slackOf('Chi', 'Check-in')).toEqual([]);
    expect(slackOf('Lead', 'Weekly digest')).toEqual(MONDAYS.map((m, w) => expectedStep.lead(m, w)));
    expect(posts).toHaveLength(3 * 8);

    // The escalation: Ben's goal, left alone, is in the lead's digest from week three.
    const digests = smtp.mails.filter(
      (m) => m.to === 'lead@spread.test' && m.subject.startsWith('Weekly digest'),
    );
    const stale = digests.map((m) => m.text.includes('Not checked in for two periods'));
    expect(stale).toEqual([false, false, true, true, true, true, true, true]);
    expect(digests[2]!.text).toContain('Automate 100 runbooks');
    expect(digests[2]!.text).toContain('owner Ben Doe');
    expect(digests[2]!.subject).toMatch(/not checked in for two weeks/);

    // The log, as an admin reads it over the API of either node: each send once, all sent.
    const log: { state: string; channel: string }[] = [];
    for (let cursor: string | null = null; ; ) {
      const page: { items: { state: string; channel: string }[]; nextCursor: string | null } = await call(
        'GET',
        `/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        token,
      );
      log.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(log.filter((r) => r.channel === 'email')).toHaveLength(smtp.mails.length);
    expect(log.filter((r) => r.channel === 'slack')).toHaveLength(posts.length);
    expect(log.every((r) => r.state === 'sent')).toBe(true);
    const keys = await test.db.kysely.selectFrom('notifications').select('key').execute();
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });
});
