import { AppError } from '../../core/errors';
import type { Db } from '../db/database';
import type { ActorScope } from '../policies/permissions';
import type { Repositories } from '../repositories/index';
import type { Actor } from './context';

/** Scopes remembered per database, by workspace and person, with the directory stamp they were read at. */
const remembered = new WeakMap<Db, Map<string, { stamp: number; scope: ActorScope }>>();
const MOST_REMEMBERED = 20_000;

/**
 * An actor's scope, remembered while the workspace's directory stamp (`directory_version`, changed
 * by triggers with every change to people, units or memberships: migration 0005) stays the one
 * it was read at. Pass the stamp read in the same transaction or snapshot as the work it guards.
 */
export async function scopeAt(db: Db, repos: Repositories, actor: Actor, stamp: number): Promise<ActorScope> {
  let scopes = remembered.get(db);
  if (!scopes) {
    scopes = new Map();
    remembered.set(db, scopes);
  }
  const key = `${actor.workspaceId}/${actor.personId}`;
  const known = scopes.get(key);
  if (known && known.stamp === stamp) return known.scope;
  const scope = await loadScope(repos, actor);
  if (scopes.size >= MOST_REMEMBERED) scopes.clear();
  scopes.set(key, { stamp, scope });
  return scope;
}

/**
 * Loads what the policies need to know about an actor: their role, the units they belong to and
 * lead (with every unit below those they lead), and their direct reports.
 */
export async function loadScope(repos: Repositories, actor: Actor): Promise<ActorScope> {
  const [person, memberships, reports] = await Promise.all([
    repos.people.find(actor.workspaceId, actor.personId),
    repos.units.membershipsOf(actor.personId),
    repos.people.reportsOf(actor.workspaceId, actor.personId),
  ]);
  if (person?.isActive !== true) throw new AppError('unauthenticated', 'unknown or inactive person');
  const led = memberships.filter((m) => m.isLead).map((m) => m.unitId);
  // Admins see and change everything: the units below those they lead need not be listed.
  const ledUnits = person.role === 'admin' ? led : await repos.units.descendants(actor.workspaceId, led);
  return {
    workspaceId: actor.workspaceId,
    personId: person.id,
    role: person.role,
    memberUnits: new Set(memberships.map((m) => m.unitId)),
    ledUnits: new Set(ledUnits),
    reports: new Set(reports),
  };
}
