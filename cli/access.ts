import path from 'node:path';
import type { Actor } from '../server/services/context';
import type { Services } from '../server/services/index';
import { localActor, openLocalServices } from '../server/services/local';

/**
 * How a command reaches a workspace: a database on this machine (as `tandem serve` would open
 * it), or a running server's API with a token. Shared by `import` and `export`.
 */
export interface AccessOptions {
  database?: string | undefined;
  workspace?: string | undefined;
  as?: string | undefined;
  server?: string | undefined;
  token?: string | undefined;
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
  const token = options.token ?? process.env.TANDEM_TOKEN;
  if (!token) throw new UsageError('--server needs a token: --token tdm_pat_... or TANDEM_TOKEN');
  let base: URL;
  try {
    base = new URL(options.server!);
  } catch {
    throw new UsageError(`--server: "${options.server}" is not a URL such as http://127.0.0.1:3000`);
  }
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
