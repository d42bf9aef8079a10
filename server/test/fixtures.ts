import type { Actor, Services } from '../services/index';
import { actorFor } from './scenario';

/** A small organisation for service tests: a company with one team, four people and one active cycle. */
export interface SmallOrg {
  workspaceId: string;
  admin: Actor;
  lead: Actor;
  member: Actor;
  colleague: Actor;
  viewer: Actor;
  companyId: string;
  teamId: string;
  cycleId: string;
  nextCycleId: string;
  objectiveId: string;
  krId: string;
  alignedKrId: string;
}

/**
 * Builds the small organisation. The lead leads the team; the member and the colleague belong to it;
 * the viewer belongs to the company. One company objective has a metric KR (0 to 100) and an aligned KR.
 */
export async function smallOrg(s: Services): Promise<SmallOrg> {
  const { workspace, adminId } = await s.workspaces.create({
    name: 'Org',
    admin: { email: 'admin@org.test', name: 'Admin' },
  });
  const admin = actorFor(workspace.id, adminId);
  const company = await s.units.create(admin, { name: 'Org' });
  const team = await s.units.create(admin, { name: 'Team', parentId: company.id });
  const person = async (email: string, role: 'member' | 'viewer', managerId?: string) =>
    actorFor(
      workspace.id,
      (await s.people.add(admin, { email, name: email.split('@')[0]!, role, managerId })).id,
    );
  const lead = await person('lead@org.test', 'member');
  const member = await person('member@org.test', 'member', lead.personId);
  const colleague = await person('colleague@org.test', 'member');
  const viewer = await person('viewer@org.test', 'viewer');
  await s.units.setMember(admin, team.id, { personId: lead.personId, isLead: true });
  await s.units.setMember(admin, team.id, { personId: member.personId });
  await s.units.setMember(admin, team.id, { personId: colleague.personId });
  await s.units.setMember(admin, company.id, { personId: viewer.personId });
  const cycle = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
  const next = await s.cycles.create(admin, { name: '2027-Q1' });
  const objective = await s.objectives.create(admin, {
    cycleId: cycle.id,
    title: 'Delight our customers every week',
    unitId: company.id,
  });
  const kr = await s.keyResults.create(admin, {
    objectiveId: objective.id,
    title: 'Increase weekly active teams from 0 to 100',
    measure: { type: 'increase', start: 0, target: 100 },
    ownerId: member.personId,
  });
  const aligned = await s.keyResults.create(admin, {
    objectiveId: objective.id,
    title: 'Team goals land',
    progressSource: 'aligned',
  });
  return {
    workspaceId: workspace.id,
    admin,
    lead,
    member,
    colleague,
    viewer,
    companyId: company.id,
    teamId: team.id,
    cycleId: cycle.id,
    nextCycleId: next.id,
    objectiveId: objective.id,
    krId: kr.id,
    alignedKrId: aligned.id,
  };
}
