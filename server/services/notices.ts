import type { Transaction } from 'kysely';
import type { Database, EventsTable } from '../db/schema';

/**
 * A change worth pushing to viewers: which goal (or other entity) changed, how, and in which
 * workspace. `access` notices (a sign-out, a revoked token, a password changed or reset; `entityId`
 * is the person) are never shown: they tell that person's open streams to check they are still
 * signed in.
 */
export interface ChangeNotice {
  workspaceId: string;
  entityType:
    | 'objective'
    | 'key_result'
    | 'smart_goal'
    | 'cycle'
    | 'unit'
    | 'person'
    | 'workspace'
    | 'access';
  entityId: string;
  action: string;
  at: number;
}

/** Where notices go once their transaction committed (the event bus of `server/app`). */
export interface NoticeSink {
  publish(notice: ChangeNotice): void;
}

type Shown = Exclude<ChangeNotice['entityType'], 'access'>;
const SHOWN = new Set<string>([
  'objective',
  'key_result',
  'smart_goal',
  'cycle',
  'unit',
  'person',
  'workspace',
]);
/** Person events that end the person's sessions: their streams check at once. */
const ENDS_ACCESS = new Set(['password_changed', 'password_reset']);
/** Person events nobody else needs to hear of. */
const PRIVATE = new Set(['password_reset_issued']);

/** The parent named in an alignment event (its `after`, or `before` for an unlink). */
function parentOf(row: EventsTable): { parentType: string; parentId: string } | undefined {
  const json = row.after ?? row.before;
  if (json === null) return undefined;
  const value = JSON.parse(json) as { parentType?: unknown; parentId?: unknown; objectiveId?: unknown };
  if (typeof value.parentType === 'string' && typeof value.parentId === 'string')
    return { parentType: value.parentType, parentId: value.parentId };
  return undefined;
}

/**
 * The notices of recorded events: one per event on a goal, cycle, unit, person or the workspace
 * (others, such as webhooks, are not announced). A password changed or reset is an `access`
 * notice; an alignment is also announced on its parent (`child_aligned`, `child_unaligned`); a
 * deleted key result also as an update of its objective.
 */
export function noticesOf(rows: readonly EventsTable[]): ChangeNotice[] {
  const notices: ChangeNotice[] = [];
  for (const row of rows) {
    if (!SHOWN.has(row.entityType)) continue;
    const base = { workspaceId: row.workspaceId, entityId: row.entityId, action: row.action, at: row.at };
    if (row.entityType === 'person' && PRIVATE.has(row.action)) continue;
    if (row.entityType === 'person' && ENDS_ACCESS.has(row.action)) {
      notices.push({ ...base, entityType: 'access' });
      continue;
    }
    notices.push({ ...base, entityType: row.entityType as Shown });
    if (row.action === 'aligned' || row.action === 'realigned' || row.action === 'unaligned') {
      const parent = parentOf(row);
      if (parent && SHOWN.has(parent.parentType))
        notices.push({
          ...base,
          entityType: parent.parentType as Shown,
          entityId: parent.parentId,
          action: row.action === 'unaligned' ? 'child_unaligned' : 'child_aligned',
        });
    }
    if (row.entityType === 'key_result' && row.action === 'deleted' && row.before !== null) {
      const { objectiveId } = JSON.parse(row.before) as { objectiveId?: unknown };
      if (typeof objectiveId === 'string')
        notices.push({ ...base, entityType: 'objective', entityId: objectiveId, action: 'updated' });
    }
  }
  return notices;
}

/** A notice to a person's open streams that their access may have ended (a sign-out, a revoked token). */
export function accessNotice(
  actor: { workspaceId: string; personId: string },
  action: string,
  at: number,
): ChangeNotice {
  return { workspaceId: actor.workspaceId, entityType: 'access', entityId: actor.personId, action, at };
}

/** The notices waiting for each open transaction's commit (`transact` registers and publishes them). */
const pending = new WeakMap<object, ChangeNotice[]>();

/** Starts collecting the notices of a transaction; returns the list `transact` publishes after commit. */
export function collectNotices(trx: Transaction<Database>): ChangeNotice[] {
  const list: ChangeNotice[] = [];
  pending.set(trx, list);
  return list;
}

/** The list a transaction's notices go to (undefined outside a transaction: published at once). */
export function pendingNotices(handle: { isTransaction: boolean }): ChangeNotice[] | undefined {
  return handle.isTransaction ? pending.get(handle) : undefined;
}

/** Publishes notices now (after a commit, or for a change made outside any transaction). */
export function publishNotices(sink: NoticeSink | undefined, notices: readonly ChangeNotice[]): void {
  if (!sink) return;
  for (const notice of notices) sink.publish(notice);
}
