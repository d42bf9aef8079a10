import { AppError } from '../../core/errors';
import type { ActorScope } from '../policies/permissions';
import type { Repositories } from '../repositories/index';
import type { Actor } from './context';

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
  if (person?.isActive !== 1) throw new AppError('unauthenticated', 'unknown or inactive person');
  const led = memberships.filter((m) => m.isLead === 1).map((m) => m.unitId);
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
