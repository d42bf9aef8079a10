import { describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { createServices, serviceDeps } from '../server/services/index';
import { runDemo } from './demo';

const AT = Date.UTC(2026, 10, 20);

describe('tandem demo', () => {
  it('small: a realistic organisation through the services', async () => {
    const result = await runDemo({ size: 'small', database: ':memory:', at: AT });
    expect(result.counts.cycles).toBe(2);
    expect(result.counts.objectives).toBe(11);
    expect(result.counts.smartGoals).toBe(20);
    expect(result.counts.checkIns).toBeGreaterThan(200);
  });

  it('the bulk generator stores rollups that agree with a live evaluation', async () => {
    const db = openDatabase(':memory:');
    await migrateToLatest(db);
    const org = await generateOrganisation(db, { size: ORG_SIZES.tiny, at: AT });
    const services = createServices(serviceDeps(db, { now: () => AT }));
    const actor = {
      workspaceId: org.workspaceId,
      personId: org.adminId,
      actorType: 'person' as const,
      source: 'cli' as const,
    };
    const page = await services.reads.unitPage(actor, org.activeCycleId, org.unitIds[3]!);
    expect(page.objectives.length).toBeGreaterThan(0);
    for (const objective of page.objectives) {
      for (const kr of objective.keyResults) {
        if (kr.progressSource === 'metric')
          expect(kr.score).toBeCloseTo(kr.evaluation.score ?? Number.NaN, 12);
      }
    }
    const dashboard = await services.reads.dashboard(actor, org.activeCycleId);
    expect(Object.values(dashboard.statusCounts).reduce((a, b) => a + b, 0)).toBe(ORG_SIZES.tiny.objectives);
    await db.close();
  });
});
