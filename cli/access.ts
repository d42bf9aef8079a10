import path from 'node:path';
import type { Actor } from '../server/services/context';
import type { Services } from '../server/services/index';
import { localActor, openLocalServices } from '../server/services/local';
import { readLogin } from './credentials';

/**
 * How a command reaches a workspace: a database on this machine (as `tandem serve` would open
 * it), or a running server's API with a token. Shared by `import` and `export`.
 */
export interface AccessOptions {
  database?: string | undefined;
  workspace?: string | undefined;
  as?: string | undefined;
  /** A URL, or `true` (`--server` without one): the stored login's server, or `TANDEM_SERVER`. */
  server?: string | boolean | undefined;
  token?: string | undefined;
}

/**
 * The server and token a command uses: `--server` and `--token`, else `TANDEM_SERVER` and
 * `TANDEM_TOKEN`, else what `tandem login` stored (its token only for its own server).
 */
export function resolveServer(
  options: AccessOptions,
  env: NodeJS.ProcessEnv = process.env,
): { server: URL; token: string } {
  const login = readLogin(env);
  const named = typeof options.server === 'string' ? options.server : env.TANDEM_SERVER || login?.server;
  if (!named)
    throw new UsageError(
      'no server: pass --server URL, set TANDEM_SERVER, or store one with tandem login --server URL',
    );
  let server: URL;
  try {
    server = new URL(named);
  } catch {
    throw new UsageError(`--server: "${named}" is not a URL such as http://127.0.0.1:3000`);
  }
  const isLoginServer = login !== undefined && new URL(login.server).origin === server.origin;
  const token = options.token ?? (env.TANDEM_TOKEN || (isLoginServer ? login.token : undefined));
  if (!token)
    throw new UsageError(
      `${server.origin} needs a token: --token tdm_pat_..., TANDEM_TOKEN, or tandem login --server ${server.origin}`,
    );
  return { server, token };
}

/** A usage problem: the message is printed and the exit code is 2. */
export class UsageError extends Error {}

/** The database `tandem serve` uses by default: `DATABASE_URL`, else `<TANDEM_DATA_DIR>/tandem.db`. */
export function defaultDatabase(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL ?? path.join(env.TANDEM_DATA_DIR ?? 'data', 'tandem.db');
}

/** Runs `work` with the services on the local database, as its first admin unless `--as`. */
export async function withLocal<T>(
  options: AccessOptions,
  work: (services: Services, actor: Actor) => Promise<T>,
): Promise<T> {
  const local = await openLocalServices(options.database ?? defaultDatabase());
  try {
    const actor = await localActor(local.db, { workspace: options.workspace, email: options.as });
    return await work(local.services, { ...actor, source: 'cli' });
  } finally {
    await local.close();
  }
}

/** Calls a running server's API with the token; answers the status and the body text. */
export async function callServer(
  options: AccessOptions,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; text: string; bytes: Uint8Array }> {
  const { server: base, token } = resolveServer(options);
  let response: Response;
  try {
    response = await fetch(new URL(apiPath, base), {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new UsageError(`cannot reach ${base.origin}: ${(error as Error).message}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, text: new TextDecoder().decode(bytes), bytes };
}

/** The message of an error envelope, or the text itself. */
export function errorMessage(text: string): string {
  try {
    return (JSON.parse(text) as { error: { message: string } }).error.message;
  } catch {
    return text;
  }
}
