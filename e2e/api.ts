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
  const company = await api.call('POST', '/api/v1/units', { name: 'Acme' }, admin);
  await api.call('PUT', `/api/v1/units/${company.id}/members/${admin.personId}`, { isLead: true }, admin);
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
