import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../db/database';
import type {
  AccountsTable,
  ApiTokensTable,
  InvitationsTable,
  PasswordResetsTable,
  SessionsTable,
  SignInFailuresTable,
} from '../db/schema';

export type AccountRow = Selectable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
export type SignInFailureRow = Selectable<SignInFailuresTable>;

/** Queries on accounts, memberships, sessions, API tokens, invitations and failed sign-ins. */
export class AccountRepository {
  constructor(readonly db: Executor) {}

  findAccountByEmail(email: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst();
  }

  findAccount(id: string): Promise<AccountRow | undefined> {
    return this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertAccount(row: Insertable<AccountsTable>): Promise<void> {
    await this.db.insertInto('accounts').values(row).execute();
  }

  async setPassword(id: string, passwordHash: string, at: number): Promise<void> {
    await this.db.updateTable('accounts').set({ passwordHash, updatedAt: at }).where('id', '=', id).execute();
  }

  async insertMembership(
    accountId: string,
    workspaceId: string,
    personId: string,
    at: number,
  ): Promise<void> {
    await this.db
      .insertInto('accountMemberships')
      .values({ accountId, workspaceId, personId, createdAt: at })
      .execute();
  }

  /** The workspaces an account belongs to, with the person it is in each (active people only). */
  memberships(
    accountId: string,
  ): Promise<{ workspaceId: string; personId: string; workspaceName: string }[]> {
    return this.db
      .selectFrom('accountMemberships as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspaceId')
      .innerJoin('people as p', 'p.id', 'm.personId')
      .select(['m.workspaceId', 'm.personId', 'w.name as workspaceName'])
      .where('m.accountId', '=', accountId)
      .where('p.isActive', '=', 1)
      .orderBy('m.createdAt')
      .execute();
  }

  findMembershipOfPerson(personId: string): Promise<{ accountId: string } | undefined> {
    return this.db
      .selectFrom('accountMemberships')
      .select('accountId')
      .where('personId', '=', personId)
      .executeTakeFirst();
  }

  async insertSession(row: Insertable<SessionsTable>): Promise<void> {
    await this.db.insertInto('sessions').values(row).execute();
  }

  findSession(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findToken(id: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('apiTokens').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findSessionByHash(tokenHash: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  /** Forgets an account's expired sessions. */
  async deleteExpiredSessions(accountId: string, now: number): Promise<void> {
    await this.db
      .deleteFrom('sessions')
      .where('accountId', '=', accountId)
      .where('expiresAt', '<=', now)
      .execute();
  }

  /**
   * Deletes up to `limit` sessions of any account that expired by `now` (the hourly
   * `sessions.prune` job); returns how many.
   */
  async deleteExpired(now: number, limit: number): Promise<number> {
    const expired = this.db.selectFrom('sessions').select('id').where('expiresAt', '<=', now).limit(limit);
    const deleted = await this.db.deleteFrom('sessions').where('id', 'in', expired).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  /** Ends every session of an account except one (after a password change). */
  async deleteOtherSessions(accountId: string, keepId: string | null): Promise<void> {
    let query = this.db.deleteFrom('sessions').where('accountId', '=', accountId);
    if (keepId) query = query.where('id', '!=', keepId);
    await query.execute();
  }

  async insertToken(row: Insertable<ApiTokensTable>): Promise<void> {
    await this.db.insertInto('apiTokens').values(row).execute();
  }

  findTokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return this.db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  listTokens(workspaceId: string, personId: string): Promise<ApiTokenRow[]> {
    return this.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('workspaceId', '=', workspaceId)
      .where('personId', '=', personId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  /** Revokes a person's token; returns whether one was revoked. */
  async revokeToken(workspaceId: string, personId: string, id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('apiTokens')
      .set({ revokedAt: at })
      .where('workspaceId', '=', workspaceId)
      .where('personId', '=', personId)
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async touchToken(id: string, at: number): Promise<void> {
    await this.db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }

  async insertInvitation(row: Insertable<InvitationsTable>): Promise<void> {
    await this.db.insertInto('invitations').values(row).execute();
  }

  findInvitationByHash(tokenHash: string): Promise<InvitationRow | undefined> {
    return this.db
      .selectFrom('invitations')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** Marks an invitation accepted; false when it already was (two clicks racing). */
  async acceptInvitation(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('invitations')
      .set({ acceptedAt: at })
      .where('id', '=', id)
      .where('acceptedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Stores a reset link; older unused links of the person stop working (only the newest holds). */
  async insertPasswordReset(row: Insertable<PasswordResetsTable>): Promise<void> {
    await this.db
      .updateTable('passwordResets')
      .set({ usedAt: row.createdAt })
      .where('personId', '=', row.personId)
      .where('usedAt', 'is', null)
      .execute();
    await this.db.insertInto('passwordResets').values(row).execute();
  }

  findPasswordResetByHash(tokenHash: string): Promise<PasswordResetRow | undefined> {
    return this.db
      .selectFrom('passwordResets')
      .selectAll()
      .where('tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  /** The workspaces an account belongs to (active or not). */
  async workspacesOfAccount(accountId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('accountMemberships')
      .select('workspaceId')
      .where('accountId', '=', accountId)
      .execute();
    return rows.map((r) => r.workspaceId);
  }

  /** Marks a reset link used; false when it already was (two requests racing). */
  async usePasswordReset(id: string, at: number): Promise<boolean> {
    const result = await this.db
      .updateTable('passwordResets')
      .set({ usedAt: at })
      .where('id', '=', id)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  findFailures(key: string): Promise<SignInFailureRow | undefined> {
    return this.db.selectFrom('signInFailures').selectAll().where('key', '=', key).executeTakeFirst();
  }

  async saveFailures(row: SignInFailureRow): Promise<void> {
    await this.db
      .insertInto('signInFailures')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: row.failures,
          windowStart: row.windowStart,
          lockedUntil: row.lockedUntil,
        }),
      )
      .execute();
  }

  async clearFailures(key: string): Promise<void> {
    await this.db.deleteFrom('signInFailures').where('key', '=', key).execute();
  }

  /** Records an instance-wide fact once; false when it was already recorded. */
  async claimFact(key: string, value: string, at: number): Promise<boolean> {
    const result = await this.db
      .insertInto('instanceFacts')
      .values({ key, value, createdAt: at })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async hasFact(key: string): Promise<boolean> {
    return (
      (await this.db.selectFrom('instanceFacts').select('key').where('key', '=', key).executeTakeFirst()) !==
      undefined
    );
  }

  async countWorkspaces(): Promise<number> {
    const row = await this.db
      .selectFrom('workspaces')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
