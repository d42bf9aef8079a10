import { AppError } from '../../core/errors';
import type { Db } from '../db/database';
import type { ActorScope } from '../policies/permissions';
import type { Repositories } from '../repositories/index';
import type { Actor } from './context';

/**
 * Values read from the directory, remembered per database and key with the directory stamp
 * (`directory_version`, changed by triggers with every change to people, units or memberships:
 * migration 0005) they were read at, and read again once the stamp differs. At most `most` keys
 * per database (all forgotten at once past it).
 */
class ByStamp<T> {
  readonly #byDb = new WeakMap<Db, Map<string, { stamp: number; value: T }>>();

  constructor(readonly most: number) {}

  has(db: Db, key: string): boolean {
    return this.#byDb.get(db)?.has(key) === true;
  }

  async get(db: Db, key: string, stamp: number, read: () => Promise<T>): Promise<T> {
    let values = this.#byDb.get(db);
    if (!values) {
      values = new Map();
      this.#byDb.set(db, values);
    }
    const known = values.get(key);
    if (known && known.stamp === stamp) return known.value;
    const value = await read();
    if (values.size >= this.most) values.clear();
    values.set(key, { stamp, value });
    return value;
  }
}

/** Scopes by workspace and person. */
const scopes = new ByStamp<ActorScope>(20_000);
/** Each workspace's deactivated people. */
const formerPeople = new ByStamp<ReadonlySet<string>>(1_000);

const scopeKey = (actor: Actor) => `${actor.workspaceId}/${actor.personId}`;

/**
 * An actor's scope, remembered while the workspace's directory stamp stays the one it was read at.
 * Pass the stamp read in the same transaction or snapshot as the work it guards.
 */
export function scopeAt(db: Db, repos: Repositories, actor: Actor, stamp: number): Promise<ActorScope> {
  return scopes.get(db, scopeKey(actor), stamp, () => loadScope(repos, actor));
}

/**
 * Whether a scope of the actor is remembered (at any stamp): `scopeAt` will then most likely
 * answer without reading, since directory changes are rare.
 */
export function isScopeRemembered(db: Db, actor: Actor): boolean {
  return scopes.has(db, scopeKey(actor));
}

/**
 * The ids of a workspace's deactivated people, remembered while its directory stamp stays the one
 * they were read at (deactivating or reactivating someone changes it). Without a stamp (a session
 * that did not read the workspace row), read afresh.
 */
export async function formerPeopleAt(
  db: Db,
  repos: Repositories,
  workspaceId: string,
  stamp: number | undefined,
): Promise<ReadonlySet<string>> {
  const read = async () => new Set(await repos.people.inactiveOf(workspaceId));
  return stamp === undefined ? read() : formerPeople.get(db, workspaceId, stamp, read);
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

/**
 * The scopes of many active people of one workspace at once, as `loadScope` gives each (three
 * reads whatever their number: memberships, reports, and the unit tree when any of them leads).
 * For background work that acts as each person in turn (their reminders); an inactive person or
 * one of another workspace gets no scope.
 *
 * @example
 * const scopes = await loadScopes(repos, workspaceId, await repos.people.findMany(workspaceId, ids));
 */
export async function loadScopes(
  repos: Repositories,
  workspaceId: string,
  people: readonly { id: string; workspaceId: string; role: ActorScope['role']; isActive: boolean }[],
): Promise<Map<string, ActorScope>> {
  const active = people.filter((p) => p.isActive && p.workspaceId === workspaceId);
  const ids = active.map((p) => p.id);
  if (ids.length === 0) return new Map();
  const [memberships, reports] = await Promise.all([
    repos.units.membershipsOfMany(ids),
    repos.units.db
      .selectFrom('people')
      .select(['id', 'managerId'])
      .where('workspaceId', '=', workspaceId)
      .where('managerId', 'in', ids)
      .execute(),
  ]);
  const leadsAny = memberships.some((m) => m.isLead);
  const children = new Map<string, string[]>();
  if (leadsAny)
    for (const unit of await repos.units.list(workspaceId))
      if (unit.parentId !== null)
        children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  const below = (roots: readonly string[]) => {
    const seen = new Set(roots);
    const stack = [...roots];
    for (let id = stack.pop(); id !== undefined; id = stack.pop())
      for (const child of children.get(id) ?? [])
        if (!seen.has(child)) {
          seen.add(child);
          stack.push(child);
        }
    return seen;
  };
  const membershipsBy = new Map<string, typeof memberships>();
  for (const m of memberships) membershipsBy.set(m.personId, [...(membershipsBy.get(m.personId) ?? []), m]);
  const reportsBy = new Map<string, string[]>();
  for (const r of reports)
    if (r.managerId) reportsBy.set(r.managerId, [...(reportsBy.get(r.managerId) ?? []), r.id]);
  const scopes = new Map<string, ActorScope>();
  for (const person of active) {
    const own = membershipsBy.get(person.id) ?? [];
    const led = own.filter((m) => m.isLead).map((m) => m.unitId);
    scopes.set(person.id, {
      workspaceId,
      personId: person.id,
      role: person.role,
      memberUnits: new Set(own.map((m) => m.unitId)),
      ledUnits: person.role === 'admin' ? new Set(led) : below(led),
      reports: new Set(reportsBy.get(person.id)),
    });
  }
  return scopes;
}
