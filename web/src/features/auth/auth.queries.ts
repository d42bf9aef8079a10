import { queryOptions } from '@tanstack/react-query';
import { api, type Schema, setCsrfToken, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';

export type Me = Schema<'Me'>;

/** Who is signed in, or null; remembers the CSRF token for unsafe requests. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    try {
      const me = await unwrap(api.GET('/api/v1/auth/me'));
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

/** Whether a sign-up would create the workspace now (a fresh install). */
export const signupStateQuery = queryOptions({
  queryKey: ['signup-state'],
  queryFn: () => unwrap(api.GET('/api/v1/auth/signup')),
});

export interface WorkspaceSetup {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  fiscalYearStartMonth: number;
  timeZone: string;
  checkinDay: number;
}

/** First run: signs up (creating the workspace), then sets its fiscal year, time zone and check-in day. */
export async function signUp(setup: WorkspaceSetup): Promise<Me> {
  const me = await unwrap(
    api.POST('/api/v1/auth/signup', {
      body: {
        email: setup.email,
        password: setup.password,
        name: setup.name,
        workspaceName: setup.workspaceName,
        timeZone: setup.timeZone,
      },
    }),
  );
  setCsrfToken(me.csrfToken);
  const workspace = await unwrap(api.GET('/api/v1/workspace'));
  await unwrap(
    api.PATCH('/api/v1/workspace/settings', {
      body: {
        version: workspace.version,
        // The server takes any subset (a partial schema with defaults); the OpenAPI document
        // shows the defaulted output shape, so the generated type asks for every field.
        settings: {
          fiscalYearStartMonth: setup.fiscalYearStartMonth,
          timeZone: setup.timeZone,
          checkinDay: setup.checkinDay,
        } as Schema<'UpdateSettingsInput'>['settings'],
      },
    }),
  );
  return me;
}

export async function signIn(email: string, password: string): Promise<Me> {
  const me = await unwrap(api.POST('/api/v1/auth/signin', { body: { email, password } }));
  setCsrfToken(me.csrfToken);
  return me;
}

export async function acceptInvitation(token: string, password: string): Promise<Me> {
  const me = await unwrap(api.POST('/api/v1/auth/invitations/accept', { body: { token, password } }));
  setCsrfToken(me.csrfToken);
  return me;
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/signout'));
  setCsrfToken(null);
}
