// Seeds data through the HTTP API, as a script would (session cookie + CSRF token).

export interface Session {
  cookie: string;
  csrf: string;
  personId: string;
}

export class Api {
  constructor(readonly baseUrl: string) {}

  // biome-ignore lint/suspicious/noExplicitAny: seeding reads arbitrary JSON answers
  async call<T = any>(method: string, path: string, body?: unknown, as?: Session): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (as) {
      headers.Cookie = `tandem_session=${as.cookie}`;
      headers['X-CSRF-Token'] = as.csrf;
    }
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async #session(path: string, body: unknown): Promise<Session> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    const cookie = /tandem_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const me = await res.json();
    if (!cookie) throw new Error('no session cookie');
    return { cookie, csrf: me.csrfToken, personId: me.person.id };
  }

  signUp(input: { email: string; password: string; name: string; workspaceName: string }) {
    return this.#session('/api/v1/auth/signup', input);
  }

  signIn(email: string, password: string) {
    return this.#session('/api/v1/auth/signin', { email, password });
  }

  acceptInvitation(token: string, password: string) {
    return this.#session('/api/v1/auth/invitations/accept', { token, password });
  }
}

export const PASSWORD = 'correct horse battery staple';

export interface Seeded {
  api: Api;
  admin: Session;
  adminEmail: string;
  cycleId: string;
  objectiveId: string;
  keyResults: { id: string; title: string }[];
}

/**
 * A workspace with an active quarter and one company objective with three key results owned
 * by the admin (NPS, churn, and a milestone goal), each checked in once.
 */
export async function seedWorkspace(baseUrl: string): Promise<Seeded> {
  const api = new Api(baseUrl);
  const adminEmail = 'ana@acme.test';
  const admin = await api.signUp({
    email: adminEmail,
    password: PASSWORD,
    name: 'Ana Admin',
    workspaceName: 'Acme',
  });
  const today = new Date();
  const quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  const cycle = await api.call(
    'POST',
    '/api/v1/cycles',
    { name: `${today.getUTCFullYear()}-Q${quarter}`, state: 'active' },
    admin,
  );
  // Sign-up made the company unit (named after the workspace) with the admin as its lead.
  const units = await api.call('GET', '/api/v1/units', undefined, admin);
  const company = units.items.find((u: { name: string; parentId: string | null }) => u.parentId === null);
  const objective = await api.call(
    'POST',
    '/api/v1/objectives',
    {
      cycleId: cycle.id,
      unitId: company.id,
      title: 'Customers love the product',
      ownerId: admin.personId,
      kind: 'committed',
    },
    admin,
  );
  const specs = [
    { title: 'NPS from 20 to 50', measure: { type: 'increase', start: 20, target: 50 } },
    { title: 'Monthly churn from 5 % to 2 %', measure: { type: 'decrease', start: 5, target: 2, unit: '%' } },
    {
      title: 'Self-serve onboarding ships',
      measure: { type: 'milestones', milestones: ['Design', 'Build', 'Launch'] },
    },
  ];
  const keyResults: { id: string; title: string }[] = [];
  for (const spec of specs) {
    const kr = await api.call(
      'POST',
      '/api/v1/key-results',
      { objectiveId: objective.id, ownerId: admin.personId, ...spec },
      admin,
    );
    keyResults.push({ id: kr.id, title: kr.title });
  }
  await api.call(
    'POST',
    '/api/v1/check-ins/batch',
    {
      items: [
        { goalType: 'key_result', goalId: keyResults[0]!.id, value: 22, confidence: 6 },
        { goalType: 'key_result', goalId: keyResults[1]!.id, value: 4.8, confidence: 5 },
        { goalType: 'key_result', goalId: keyResults[2]!.id, done: ['Design'], confidence: 7 },
      ],
    },
    admin,
  );
  return { api, admin, adminEmail, cycleId: cycle.id, objectiveId: objective.id, keyResults };
}

export interface SeededTeam extends Seeded {
  teamId: string;
  /** Bo: a member of the Web team who owns the team's goals. */
  bo: Session;
  /** Cy: a member of the company unit only, who may not see Bo's private goals. */
  cy: Session;
  teamObjectiveId: string;
  teamKeyResultId: string;
  goals: Record<'dueSoon' | 'open' | 'overdue' | 'done' | 'orphan', { id: string; title: string }>;
}

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** Invites someone and accepts for them: their session. */
async function member(seeded: Seeded, email: string, name: string): Promise<Session> {
  const invitation = await seeded.api.call(
    'POST',
    '/api/v1/invitations',
    { email, name, role: 'member' },
    seeded.admin,
  );
  const token = new URL(invitation.url).hash.slice(1);
  return seeded.api.acceptInvitation(token, PASSWORD);
}

/**
 * seedWorkspace plus a Web team below Acme: Bo (a member) owns its objective, aligned to the NPS
 * KR, its KR, and SMART goals in every board column (due soon, open, overdue, done), one that
 * serves two KRs, one aligned to nothing, and two private ones; Cy belongs to Acme only.
 */
export async function seedTeam(baseUrl: string): Promise<SeededTeam> {
  const seeded = await seedWorkspace(baseUrl);
  const { api, admin } = seeded;
  const units = await api.call('GET', '/api/v1/units', undefined, admin);
  const acme = units.items.find((u: { name: string }) => u.name === 'Acme');
  const team = await api.call('POST', '/api/v1/units', { name: 'Web team', parentId: acme.id }, admin);
  const bo = await member(seeded, 'bo@acme.test', 'Bo Member');
  const cy = await member(seeded, 'cy@acme.test', 'Cy Member');
  await api.call('PUT', `/api/v1/units/${team.id}/members/${bo.personId}`, { isLead: false }, admin);
  await api.call('PUT', `/api/v1/units/${acme.id}/members/${cy.personId}`, { isLead: false }, admin);
  const nps = seeded.keyResults[0]!.id;
  const churn = seeded.keyResults[1]!.id;
  const objective = await api.call(
    'POST',
    '/api/v1/objectives',
    { cycleId: seeded.cycleId, unitId: team.id, title: 'The web app feels instant', ownerId: bo.personId },
    admin,
  );
  await api.call(
    'POST',
    '/api/v1/alignments',
    { childType: 'objective', childId: objective.id, parentType: 'key_result', parentId: nps },
    admin,
  );
  const kr = await api.call(
    'POST',
    '/api/v1/key-results',
    {
      objectiveId: objective.id,
      ownerId: bo.personId,
      title: 'Dashboard shows its data within 1 s',
      measure: { type: 'decrease', start: 3, target: 1, unit: 's' },
    },
    admin,
  );
  const smart = async (
    title: string,
    start: number,
    due: number,
    supports: { type: 'objective' | 'key_result'; id: string }[],
    extra: Record<string, unknown> = {},
  ) =>
    api.call(
      'POST',
      '/api/v1/smart-goals',
      {
        cycleId: seeded.cycleId,
        unitId: team.id,
        ownerId: bo.personId,
        title,
        measure: { type: 'boolean' },
        startDate: isoDay(start),
        dueDate: isoDay(due),
        supports,
        ...extra,
      },
      admin,
    );
  const dueSoon = await smart('Ship the alignment tree', -10, 3, [{ type: 'key_result', id: kr.id }]);
  const open = await smart('Write the onboarding guide', -10, 40, [
    { type: 'key_result', id: nps },
    { type: 'key_result', id: churn },
  ]);
  const overdue = await smart('Fix the sign-in bug', -20, -2, [{ type: 'key_result', id: kr.id }]);
  const done = await smart('Set up error tracking', -20, 10, [{ type: 'key_result', id: kr.id }]);
  const current = await api.call('GET', `/api/v1/smart-goals/${done.id}`, undefined, admin);
  await api.call(
    'PATCH',
    `/api/v1/smart-goals/${done.id}`,
    { version: current.version, state: 'done' },
    admin,
  );
  const orphan = await smart('Learn the new build tool', -5, 30, []);
  for (const title of ['Private goal one', 'Private goal two'])
    await smart(title, -5, 30, [{ type: 'key_result', id: kr.id }], { visibility: 'private' });
  const named = (g: { id: string; title: string }) => ({ id: g.id, title: g.title });
  return {
    ...seeded,
    teamId: team.id,
    bo,
    cy,
    teamObjectiveId: objective.id,
    teamKeyResultId: kr.id,
    goals: {
      dueSoon: named(dueSoon),
      open: named(open),
      overdue: named(overdue),
      done: named(done),
      orphan: named(orphan),
    },
  };
}
