import { type Insertable, type Selectable, sql } from 'kysely';
import type { Executor } from '../db/database';
import type {
  AccountsTable,
  ApiTokensTable,
  InvitationsTable,
  PasswordResetsTable,
  SessionsTable,
} from '../db/schema';
import { prepared } from '../repositories/prepared';

export type AccountRow = Selectable<AccountsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type InvitationRow = Selectable<InvitationsTable>;
export type PasswordResetRow = Selectable<PasswordResetsTable>;
/** A key's password attempts in its current window, and until when it is locked. */
export interface AttemptCount {
  failures: number;
  lockedUntil: number | null;
}

/** Queries on accounts, memberships, sessions, API tokens, invitations and password attempts. */
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

  /** Every request with a bearer token reads this: compiled once (`prepared`). */
  findTokenByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    return findTokenByHash(this.db, tokenHash).then((r) => r.rows[0]);
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

  /**
   * Counts one password attempt against a key in one atomic statement (an upsert), and returns
   * the count: a fresh window (none yet, the last one older than `windowStartAfter`, or a lock
   * that has run out) starts at 1; past `max`, the key is locked until `lockedUntil` if it was
   * not already. Concurrent attempts each get their own number, on SQLite and PostgreSQL alike.
   */
  async countAttempt(
    key: string,
    at: { now: number; windowStartAfter: number; max: number; lockedUntil: number },
  ): Promise<AttemptCount> {
    const isFresh = sql`(sign_in_failures.window_start <= ${at.windowStartAfter}
      or (sign_in_failures.locked_until is not null and sign_in_failures.locked_until <= ${at.now}))`;
    const result = await sql<{ failures: number | string; lockedUntil: number | string | null }>`
      insert into sign_in_failures (key, failures, window_start, locked_until)
      values (${key}, 1, ${at.now}, null)
      on conflict (key) do update set
        failures = case when ${isFresh} then 1 else sign_in_failures.failures + 1 end,
        window_start = case when ${isFresh} then ${at.now} else sign_in_failures.window_start end,
        locked_until = case
          when ${isFresh} then null
          when sign_in_failures.failures + 1 > ${at.max} and sign_in_failures.locked_until is null
            then ${at.lockedUntil}
          else sign_in_failures.locked_until end
      returning failures, locked_until as "lockedUntil"`.execute(this.db);
    const row = result.rows[0]!;
    return {
      failures: Number(row.failures),
      lockedUntil: row.lockedUntil === null ? null : Number(row.lockedUntil),
    };
  }

  /** Gives back one counted attempt (it was not a failure). */
  async releaseAttempt(key: string): Promise<void> {
    await this.db
      .updateTable('signInFailures')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('key', '=', key)
      .where('failures', '>', 0)
      .execute();
  }

  /** Locks a key until a moment (a failure reached its limit). */
  async lockAttempts(key: string, lockedUntil: number): Promise<void> {
    await this.db.updateTable('signInFailures').set({ lockedUntil }).where('key', '=', key).execute();
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

const findTokenByHash = prepared((db, tokenHash: string) =>
  db.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash),
);
