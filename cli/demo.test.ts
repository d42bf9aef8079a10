import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountRepository } from '../server/auth/account.repository';
import { verifyPassword } from '../server/auth/password';
import { migrateToLatest, openDatabase } from '../server/db/database';
import { generateOrganisation, ORG_SIZES } from '../server/demo/large';
import { createServices, serviceDeps } from '../server/services/index';
import { describeDemo, runDemo } from './demo';

const AT = Date.UTC(2026, 10, 20);

describe('tandem demo', () => {
  it('loads once per database, with a password that signs in, and resets it on request', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tandem-demo-'));
    const database = path.join(folder, 'data', 'tandem.db');
    const passwordOf = async (email: string) => {
      const db = openDatabase(database);
      const account = await new AccountRepository(db.kysely).findAccountByEmail(email);
      await db.close();
      return account!.passwordHash;
    };
    try {
      const first = await runDemo({ size: 'small', database, at: AT, password: 'correct horse battery' });
      expect(first.status).toBe('loaded');
      expect(first.signIn).toEqual({ email: 'maria@northwind.test', password: 'correct horse battery' });
      expect(describeDemo(first).lines.at(-1)).toContain(
        'sign in as maria@northwind.test with password correct horse battery',
      );
      expect(await verifyPassword(await passwordOf('maria@northwind.test'), 'correct horse battery')).toBe(
        true,
      );
      const again = await runDemo({ size: 'small', database, at: AT });
      expect(again.status).toBe('already_loaded');
      expect(describeDemo(again)).toEqual({
        exitCode: 0,
        lines: [
          `The demo organisation is already loaded in ${database}; nothing was written.`,
          'Sign in as maria@northwind.test. Forgot the password? tandem demo --reset-password [--password P]',
        ],
      });
      const db = openDatabase(database);
      const workspaces = await db.kysely.selectFrom('workspaces').select('id').execute();
      await db.close();
      expect(workspaces).toHaveLength(1);
      const reset = await runDemo({ size: 'small', database, at: AT, resetPassword: true });
      expect(reset.status).toBe('password_reset');
      const fresh = reset.signIn!.password!;
      expect(fresh.length).toBeGreaterThanOrEqual(10);
      expect(await verifyPassword(await passwordOf('maria@northwind.test'), fresh)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses a database that holds another workspace, and a reset where no demo is', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'tandem-demo-'));
    const database = path.join(folder, 'tandem.db');
    try {
      const db = openDatabase(database);
      await migrateToLatest(db);
      await createServices(serviceDeps(db)).workspaces.create({
        name: 'Acme',
        admin: { email: 'a@acme.test', name: 'A' },
      });
      await db.close();
      const reset = await runDemo({ size: 'small', database, at: AT, resetPassword: true });
      expect(describeDemo(reset).exitCode).toBe(1);
      const load = await runDemo({ size: 'small', database, at: AT });
      expect(load.status).toBe('not_empty');
      expect(describeDemo(load)).toMatchObject({ exitCode: 1 });
      expect(describeDemo(load).lines[0]).toContain('"Acme"');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('small: a realistic organisation through the services', async () => {
    const result = await runDemo({ size: 'small', database: ':memory:', at: AT });
    expect(result.counts.cycles).toBe(2);
    expect(result.counts.objectives).toBe(22);
    expect(result.counts.smartGoals).toBe(18);
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
