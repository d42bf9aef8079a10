import pino from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, freshDatabase, type TestDatabase } from '../test/databases';
import { type SmallOrg, smallOrg } from '../test/fixtures';
import { testServices } from '../test/scenario';
import { serviceDeps } from './context';
import type { Services } from './index';
import { RollupSettler } from './rollup-backlog';

describeEachDialect('the rollup backlog', (dialect) => {
  let test: TestDatabase;
  let s: Services;
  let org: SmallOrg;
  /** A team objective aligned to the company's aligned KR, and a KR of it the member owns. */
  let teamObjectiveId: string;
  let teamKrId: string;
  beforeAll(async () => {
    test = await freshDatabase(dialect, { poolSize: 16 });
  });
  afterAll(() => test.dispose());
  let run = 0;
  beforeEach(async () => {
    ({ services: s } = testServices(test.db, Date.UTC(2026, 10, 1), `rb${++run}`));
    org = await smallOrg(s);
    const objective = await s.objectives.create(org.admin, {
      cycleId: org.cycleId,
      title: 'Make onboarding effortless for every new team',
      unitId: org.teamId,
    });
    teamObjectiveId = objective.id;
    teamKrId = (
      await s.keyResults.create(org.admin, {
        objectiveId: objective.id,
        title: 'Increase teams onboarded in a day from 0 to 40',
        measure: { type: 'increase', start: 0, target: 40 },
        ownerId: org.member.personId,
      })
    ).id;
    await s.alignments.align(org.admin, {
      childType: 'objective',
      childId: objective.id,
      parentType: 'key_result',
      parentId: org.alignedKrId,
    });
  });

  const stored = async (table: 'keyResults' | 'objectives', id: string) =>
    (await test.db.kysely.selectFrom(table).select('score').where('id', '=', id).executeTakeFirstOrThrow())
      .score;
  const backlog = async () => ({
    marks: (
      await test.db.kysely
        .selectFrom('rollupBacklog')
        .select('keyResultId')
        .where('workspaceId', '=', org.workspaceId)
        .execute()
    ).map((r) => r.keyResultId),
    pending: (
      await test.db.kysely
        .selectFrom('workspaces')
        .select('rollupsPending')
        .where('id', '=', org.workspaceId)
        .executeTakeFirstOrThrow()
    ).rollupsPending,
  });
  const checkIn = (value: number) =>
    s.checkIns.checkIn(org.member, { goalType: 'key_result', goalId: teamKrId, value });

  it('a check-in updates its goal and objective at once and marks the aligned KR above', async () => {
    const alignedBefore = await stored('keyResults', org.alignedKrId);
    const result = await checkIn(20);
    expect(result.goal.score).toBeCloseTo(0.5, 12);
    expect(await stored('keyResults', teamKrId)).toBeCloseTo(0.5, 12);
    expect(await stored('objectives', teamObjectiveId)).toBeCloseTo(0.5, 12);
    // Above the first aligned link: marked, not yet recomputed.
    expect(await stored('keyResults', org.alignedKrId)).toBe(alignedBefore);
    expect(await backlog()).toEqual({ marks: [org.alignedKrId], pending: 1 });
  });

  it('the next read settles the backlog first: it sees every rollup current, and the marks are gone', async () => {
    await checkIn(20);
    await checkIn(30);
    const aligned = await s.reads.getKeyResult(org.viewer, org.alignedKrId);
    expect(aligned.score).toBeCloseTo(0.75, 12);
    expect(aligned.score).toBeCloseTo(aligned.evaluation.score!, 12);
    const company = await s.reads.getObjective(org.viewer, org.objectiveId);
    expect(company.score).toBeCloseTo(company.evaluation.score!, 12);
    expect(company.score).not.toBeNull();
    expect(await backlog()).toEqual({ marks: [], pending: 0 });
    expect(await stored('keyResults', org.alignedKrId)).toBeCloseTo(0.75, 12);
  });

  it('a write through another service settles the backlog inside its own transaction', async () => {
    await checkIn(10);
    const kr = await s.reads.getKeyResult(org.admin, teamKrId);
    await checkIn(40);
    await s.keyResults.update(org.admin, teamKrId, {
      version: kr.version,
      title: 'Increase teams onboarded in a day from 0 to 40 (renamed)',
    });
    expect(await backlog()).toEqual({ marks: [], pending: 0 });
    expect(await stored('keyResults', org.alignedKrId)).toBeCloseTo(1, 12);
  });

  it('closing the cycle settles the backlog first, so it freezes current scores', async () => {
    await checkIn(20);
    expect((await backlog()).pending).toBe(1);
    await s.closeOuts.close(org.admin, org.cycleId, {
      decisions: [
        { objectiveId: org.objectiveId, decision: 'drop', learned: 'Closed early' },
        { objectiveId: teamObjectiveId, decision: 'drop', learned: 'Closed early' },
      ],
    });
    expect(await backlog()).toEqual({ marks: [], pending: 0 });
    const aligned = await test.db.kysely
      .selectFrom('keyResults')
      .select(['score', 'frozenScore'])
      .where('id', '=', org.alignedKrId)
      .executeTakeFirstOrThrow();
    expect(aligned.score).toBeCloseTo(0.5, 12);
    expect(aligned.frozenScore).toBeCloseTo(0.5, 12);
  });

  it('a live notice’s visibility check leaves the backlog to the reads that follow', async () => {
    await checkIn(20);
    expect(await s.checkInReads.canSee(org.viewer, 'key_result', teamKrId)).toBe(true);
    expect((await backlog()).pending).toBe(1);
  });

  it('the background settler settles without any read', async () => {
    await checkIn(10);
    const settler = new RollupSettler(serviceDeps(test.db), pino({ level: 'silent' }));
    // Every workspace's: earlier tests' organisations left marks too.
    expect(await settler.settleAll()).toBeGreaterThanOrEqual(1);
    expect(await backlog()).toEqual({ marks: [], pending: 0 });
    expect(await stored('keyResults', org.alignedKrId)).toBeCloseTo(0.25, 12);
    expect(await settler.settleAll()).toBe(0);
  });

  it('settling while check-ins keep coming loses no mark: the final read is exact', async () => {
    const settler = new RollupSettler(serviceDeps(test.db), pino({ level: 'silent' }));
    let isWriting = true;
    const settling = (async () => {
      while (isWriting) {
        await settler.settleAll();
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await Promise.all(Array.from({ length: 40 }, (_, i) => checkIn((i % 40) + 1)));
    isWriting = false;
    await settling;
    const latest = (await s.reads.getKeyResult(org.admin, teamKrId)).latestValue!;
    const aligned = await s.reads.getKeyResult(org.admin, org.alignedKrId);
    expect(aligned.score).toBeCloseTo(latest / 40, 12);
    const company = await s.reads.getObjective(org.admin, org.objectiveId);
    expect(company.score).toBeCloseTo(company.evaluation.score!, 12);
  });
});
