import { randomBytes } from 'node:crypto';
import { AccountRepository } from '../auth/account.repository';
import { AccountService } from '../auth/account.service';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../auth/password';
import type { Db } from '../db/database';
import { serviceDeps } from '../services/index';
import { generateOrganisation, type OnProgress, ORG_SIZES } from './large';
import { generateSmallOrganisation } from './small';

/** The instance fact that records which workspace the demo loaded (one demo per database). */
export const DEMO_FACT = 'demo_workspace';

/** Sizes of the demo organisation. */
export const DEMO_SIZES = ['small', 'medium', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

/** The demo already in a database: its workspace and the admin who signs in. */
export interface DemoState {
  workspaceId: string;
  workspaceName: string;
  adminId: string;
  email: string;
}

/** What `loadDemo` did. */
export type DemoLoad =
  | { status: 'loaded'; demo: DemoState; password: string }
  | { status: 'already_loaded'; demo: DemoState }
  /** The database holds workspaces that are not the demo's: the demo goes into an empty one. */
  | { status: 'not_empty'; workspaces: string[] };

/** A password for the demo admin: given (checked for length) or 16 random URL-safe characters. */
export function demoPassword(given?: string): string {
  if (given === undefined) return randomBytes(12).toString('base64url');
  if (given.length < PASSWORD_MIN || given.length > PASSWORD_MAX)
    throw new RangeError(`--password: must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`);
  return given;
}

/** The demo loaded into this database, if any. */
export async function findDemo(db: Db): Promise<DemoState | undefined> {
  const fact = await db.kysely
    .selectFrom('instanceFacts')
    .select('value')
    .where('key', '=', DEMO_FACT)
    .executeTakeFirst();
  if (!fact) return undefined;
  const { workspaceId, adminId } = JSON.parse(fact.value) as { workspaceId: string; adminId: string };
  const workspace = await db.kysely
    .selectFrom('workspaces')
    .select('name')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  const admin = await db.kysely
    .selectFrom('people')
    .select('email')
    .where('workspaceId', '=', workspaceId)
    .where('id', '=', adminId)
    .executeTakeFirst();
  if (!workspace || !admin) return undefined;
  return { workspaceId, workspaceName: workspace.name, adminId, email: admin.email };
}

/**
 * Loads the demo organisation into a database once: refuses a second time (`already_loaded`)
 * and a database that holds other workspaces (`not_empty`). The admin gets a password that signs
 * in (`password`, or a random one), returned so it can be printed.
 */
export async function loadDemo(
  db: Db,
  options: { size: DemoSize; at: number; password?: string | undefined; onProgress?: OnProgress },
): Promise<DemoLoad> {
  const password = demoPassword(options.password);
  const existing = await findDemo(db);
  if (existing) return { status: 'already_loaded', demo: existing };
  const workspaces = await db.kysely.selectFrom('workspaces').select('name').execute();
  if (workspaces.length > 0) return { status: 'not_empty', workspaces: workspaces.map((w) => w.name) };
  const made =
    options.size === 'small'
      ? await generateSmallOrganisation(db, { at: options.at, onProgress: options.onProgress })
      : await generateOrganisation(db, {
          size: ORG_SIZES[options.size],
          at: options.at,
          onProgress: options.onProgress,
        });
  await new AccountService(serviceDeps(db)).grantSignIn(made.workspaceId, made.adminId, password);
  await new AccountRepository(db.kysely).claimFact(
    DEMO_FACT,
    JSON.stringify({ workspaceId: made.workspaceId, adminId: made.adminId }),
    options.at,
  );
  return { status: 'loaded', demo: (await findDemo(db))!, password };
}

/** Gives the demo admin a new password (given, or random); undefined when no demo is loaded. */
export async function resetDemoPassword(
  db: Db,
  given?: string,
): Promise<{ demo: DemoState; password: string } | undefined> {
  const password = demoPassword(given);
  const demo = await findDemo(db);
  if (!demo) return undefined;
  const repo = new AccountRepository(db.kysely);
  const account = await repo.findAccountByEmail(demo.email);
  if (!account)
    await new AccountService(serviceDeps(db)).grantSignIn(demo.workspaceId, demo.adminId, password);
  else await repo.setPassword(account.id, await hashPassword(password), Date.now());
  return { demo, password };
}
