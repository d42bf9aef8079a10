import type { Transaction } from 'kysely';
import { AppError } from '../../core/errors';
import type { Instant } from '../../core/time';
import type { Database, EventsTable } from '../db/schema';
import type { ActorScope } from '../policies/permissions';
import { type Repositories, repositories } from '../repositories/index';
import type { WorkspaceRow } from '../repositories/workspace.repository';
import type { Actor, ServiceDeps } from './context';
import { type ChangeNotice, noticesOf, pendingNotices, publishNotices } from './notices';
import { settleRollups, settleRollupsNow } from './rollup-backlog';
import { scopeAt } from './scope';
import { enqueueDeliveries } from './webhook-outbox';
import { readSettings, type WorkspaceSettings } from './workspace-settings';

/** One use case's view of the world: repositories on its transaction, the actor's scope, settings, now. */
export interface Session {
  repos: Repositories;
  actor: Actor;
  scope: ActorScope;
  settings: WorkspaceSettings;
  at: Instant;
  deps: ServiceDeps;
  /** Where the notices of recorded events wait for the commit (undefined outside a transaction). */
  notices: ChangeNotice[] | undefined;
  /**
   * The workspace's directory stamp read with the session (`directory_version`), under which what
   * is remembered of the directory holds (`formerPeopleAt`); absent when the session was made
   * without the workspace row.
   */
  directoryStamp?: number;
}

/**
 * Opens a session on a transaction (or the database, for reads) for an actor. The actor's scope is
 * remembered between calls while the workspace's directory stamp is unchanged (`scopeAt`), so this
 * usually reads the workspace row only. When the workspace has marks in the rollup backlog, they
 * are settled first (in the transaction, or in one of their own for reads), so nothing read
 * through the session is stale. Pass `workspace` when it was read on the same handle, and
 * `isSettling: false` from a writer that adds to the backlog (the check-in group).
 */
export async function openSession(
  deps: ServiceDeps,
  handle: Transaction<Database> | ServiceDeps['db']['kysely'],
  actor: Actor,
  workspace?: WorkspaceRow,
  options: { isSettling?: boolean } = {},
): Promise<Session> {
  const repos = repositories(handle, deps.db.dialect);
  const row = workspace ?? (await repos.workspaces.find(actor.workspaceId));
  if (!row) throw new AppError('unauthenticated', 'unknown workspace');
  if (row.rollupsPending && options.isSettling !== false) {
    if (handle.isTransaction) await settleRollups(deps, handle as Transaction<Database>, row);
    else await settleRollupsNow(deps, row);
  }
  const scope = await scopeAt(deps.db, repos, actor, row.directoryVersion);
  return {
    repos,
    actor,
    scope,
    settings: readSettings(row.settings, row.id, deps.logger),
    at: deps.clock.now(),
    deps,
    notices: pendingNotices(handle),
    directoryStamp: row.directoryVersion,
  };
}

/** What an event records about one change. */
export interface Change {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  /** The change touched a closed cycle ("edited after close"). */
  isAfterClose?: boolean;
}

/** The event rows of changes made in a session (not yet written). */
export function eventRows(session: Session, changes: readonly Change[]): EventsTable[] {
  return changes.map((change) => ({
    id: session.deps.newId(),
    workspaceId: session.actor.workspaceId,
    actorType: session.actor.actorType,
    actorId: session.actor.personId,
    actorTokenId: session.actor.tokenId ?? null,
    at: session.at,
    source: session.actor.source,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    before: change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === undefined ? null : JSON.stringify(change.after),
    isEditedAfterClose: change.isAfterClose ? 1 : 0,
  }));
}

/**
 * Writes event rows of one workspace in the session's transaction (any session of that
 * workspace: the rows carry their own actors), and queues their deliveries to the workspace's
 * webhooks (the outbox, `webhook-outbox.ts`). Their live notices are published once the
 * transaction commits (at once outside a transaction).
 */
export async function writeEvents(session: Session, rows: readonly EventsTable[]): Promise<void> {
  await session.repos.events.insertMany(rows);
  await enqueueDeliveries(session, rows);
  const notices = noticesOf(rows);
  if (session.notices) session.notices.push(...notices);
  else publishNotices(session.deps.notices, notices);
}

/**
 * Records audit events for changes made in a session (same transaction as the changes), and queues
 * their deliveries to the workspace's webhooks. Returns the events.
 */
export async function recordEvents(session: Session, changes: readonly Change[]): Promise<EventsTable[]> {
  const rows = eventRows(session, changes);
  await writeEvents(session, rows);
  return rows;
}
