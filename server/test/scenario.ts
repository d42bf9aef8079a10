import { AppError } from '../../core/errors';
import type { Db } from '../db/database';
import { type Actor, createServices, FixedClock, type Services, serviceDeps } from '../services/index';

/** Deterministic ids (`id-000001`, ...), so results compare across databases. */
export function sequentialIds(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, '0')}`;
}

/** Services on a database with a fixed clock and sequential ids. */
export function testServices(
  db: Db,
  at = Date.UTC(2026, 9, 1),
  idPrefix = 'id',
): { services: Services; clock: FixedClock } {
  const clock = new FixedClock(at);
  return { services: createServices(serviceDeps(db, clock, sequentialIds(idPrefix))), clock };
}

/** An actor for a person in a workspace. */
export const actorFor = (workspaceId: string, personId: string): Actor => ({
  workspaceId,
  personId,
  actorType: 'person',
  source: 'web',
});

/**
 * The scripted scenario of issue 4: a workspace, units, people, a cycle, aligned OKRs, SMART
 * goals, check-ins, close-out and a continued objective. Returns what a user would see at each
 * step, with numbers, so two databases can be compared.
 */
export async function runScenario(db: Db): Promise<Record<string, unknown>> {
  const { services: s, clock } = testServices(db, Date.UTC(2026, 8, 25));
  const { workspace, adminId } = await s.workspaces.create({
    name: 'Acme',
    admin: { email: 'maria@acme.test', name: 'Maria' },
  });
  const admin = actorFor(workspace.id, adminId);
  const company = await s.units.create(admin, { name: 'Acme' });
  const product = await s.units.create(admin, { name: 'Product', parentId: company.id });
  const ana = await s.people.add(admin, { email: 'ana@acme.test', name: 'Ana', managerId: adminId });
  const ben = await s.people.add(admin, { email: 'ben@acme.test', name: 'Ben', managerId: ana.id });
  await s.units.setMember(admin, company.id, { personId: adminId, isLead: true });
  await s.units.setMember(admin, product.id, { personId: ana.id, isLead: true });
  await s.units.setMember(admin, product.id, { personId: ben.id });
  const q4 = await s.cycles.create(admin, { name: '2026-Q4', state: 'active' });
  const q1 = await s.cycles.create(admin, { name: '2027-Q1' });

  const trusted = await s.objectives.create(admin, {
    cycleId: q4.id,
    title: 'Become the most trusted brand in our market',
    unitId: company.id,
    leadId: adminId,
  });
  const nps = await s.keyResults.create(admin, {
    objectiveId: trusted.id,
    title: 'Increase Net Promoter Score from 45 to 65',
    measure: { type: 'increase', start: 45, target: 65, unit: 'pts' },
  });
  const onboarding = await s.keyResults.create(admin, {
    objectiveId: trusted.id,
    title: 'Onboarding work lands',
    progressSource: 'aligned',
    weight: 2,
  });
  const anaActor = actorFor(workspace.id, ana.id);
  const benActor = actorFor(workspace.id, ben.id);
  const productObjective = await s.objectives.create(anaActor, {
    cycleId: q4.id,
    title: 'Make onboarding effortless for new customers',
    unitId: product.id,
    kind: 'committed',
  });
  await s.alignments.align(anaActor, {
    childType: 'objective',
    childId: productObjective.id,
    parentType: 'key_result',
    parentId: onboarding.id,
  });
  const ttv = await s.keyResults.create(anaActor, {
    objectiveId: productObjective.id,
    title: 'Reduce time to first value from 10 to 2 days',
    measure: { type: 'decrease', start: 10, target: 2, unit: 'days' },
    ownerId: ben.id,
  });
  const tutorial = await s.smartGoals.create(benActor, {
    cycleId: q4.id,
    title: 'Ship an in-app tutorial covering 5 workflows',
    measure: { type: 'milestones', milestones: ['Draft', 'Review', 'Ship'] },
    startDate: '2026-10-01',
    dueDate: '2026-11-15',
    supports: [{ type: 'key_result', id: onboarding.id }],
  });
  const secret = await s.smartGoals.create(benActor, {
    cycleId: q4.id,
    title: 'Pass the security certification',
    measure: { type: 'boolean' },
    startDate: '2026-10-01',
    dueDate: '2026-12-15',
    visibility: 'private',
    supports: [{ type: 'key_result', id: onboarding.id }],
  });

  const steps: Record<string, unknown> = {};
  clock.set(Date.UTC(2026, 9, 15));
  await s.checkIns.checkIn(admin, {
    goalType: 'key_result',
    goalId: nps.id,
    value: 50,
    confidence: 6,
    idempotencyKey: 'nps-1',
  });
  await s.checkIns.checkIn(admin, {
    goalType: 'key_result',
    goalId: nps.id,
    value: 50,
    confidence: 6,
    idempotencyKey: 'nps-1',
  });
  await s.checkIns.checkInBatch(benActor, {
    items: [
      { goalType: 'key_result', goalId: ttv.id, value: 7, confidence: 7 },
      { goalType: 'smart_goal', goalId: tutorial.id, done: ['Draft'] },
      { goalType: 'smart_goal', goalId: secret.id, done: false },
    ],
  });
  clock.set(Date.UTC(2026, 10, 1));
  const wrong = await s.checkIns.checkIn(benActor, { goalType: 'key_result', goalId: ttv.id, value: 9 });
  await s.checkIns.checkIn(benActor, {
    goalType: 'key_result',
    goalId: ttv.id,
    value: 5,
    corrects: wrong.checkIn.id,
  });
  steps.companyAsBen = await s.reads.getObjective(benActor, trusted.id);
  steps.companyAsAdmin = await s.reads.getObjective(admin, trusted.id);
  steps.productPage = await s.reads.unitPage(anaActor, q4.id, product.id);
  steps.dashboard = await s.reads.dashboard(admin, q4.id);

  clock.set(Date.UTC(2027, 0, 2));
  await s.checkIns.checkIn(admin, { goalType: 'key_result', goalId: nps.id, value: 58, at: '2026-12-28' });
  steps.close = await s.closeOuts.close(admin, q4.id, {
    notes: [
      { goalId: ttv.id, rootCauseNote: 'Data pipeline slipped' },
      { goalId: tutorial.id, rootCauseNote: 'Review took longer' },
      { goalId: secret.id, rootCauseNote: 'Audit moved to January' },
      { goalId: nps.id, rootCauseTag: 'execution' },
    ],
    decisions: [
      { objectiveId: trusted.id, decision: 'continue', learned: 'NPS moves slowly; start earlier' },
      { objectiveId: productObjective.id, decision: 'modify', learned: 'Measure activation instead' },
    ],
  });
  steps.next = await s.reads.unitPage(admin, q1.id, company.id);
  return normalise(steps);
}

/** Drops nothing but rounds floats, so tiny dialect differences in float text do not matter. */
function normalise(value: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(value, (_k, v) =>
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v,
    ),
  );
}

/** The code of the AppError `work` fails with, or 'ok' when it succeeds (other errors are thrown). */
export async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}
