import type { z } from 'zod';
import { AppError } from '../../core/errors';
import type { Actor, ServiceDeps } from '../services/context';
import { accessNotice, publishNotices } from '../services/notices';
import { openSession } from '../services/session';
import { accept } from '../services/validate';
import { AccountRepository, type ApiTokenRow } from './account.repository';
import type { Principal } from './account.service';
import { createTokenSchema } from './schemas';
import { hashSecret, newSecret } from './secrets';

const DAY = 86_400_000;
/** How often `lastUsedAt` is written at most, so reads stay reads. */
const TOUCH_EVERY = 60_000;

/** A token as listed: never the secret. */
export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: number;
  expiresAt: number | null;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

const view = (row: ApiTokenRow): TokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});

/** Personal API tokens: shown once, stored hashed, revocable, with an optional expiry. */
export class TokenService {
  constructor(readonly deps: ServiceDeps) {}

  #repo() {
    return new AccountRepository(this.deps.db.kysely);
  }

  /** Creates a token acting as the actor; the secret is in the result and nowhere else. */
  async create(
    actor: Actor,
    input: z.input<typeof createTokenSchema>,
  ): Promise<TokenView & { token: string }> {
    const data = accept(createTokenSchema, input);
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const token = newSecret('tdm_pat_');
    const row: ApiTokenRow = {
      id: this.deps.newId(),
      workspaceId: actor.workspaceId,
      personId: session.scope.personId,
      name: data.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 12),
      createdAt: session.at,
      expiresAt: data.expiresInDays ? session.at + data.expiresInDays * DAY : null,
      revokedAt: null,
      lastUsedAt: null,
    };
    await this.#repo().insertToken(row);
    return { ...view(row), token };
  }

  /** The actor's own tokens. */
  async list(actor: Actor): Promise<TokenView[]> {
    await openSession(this.deps, this.deps.db.kysely, actor);
    return (await this.#repo().listTokens(actor.workspaceId, actor.personId)).map(view);
  }

  /** Revokes one of the actor's tokens; someone else's is `not_found`. */
  async revoke(actor: Actor, id: string): Promise<void> {
    await openSession(this.deps, this.deps.db.kysely, actor);
    const isRevoked = await this.#repo().revokeToken(
      actor.workspaceId,
      actor.personId,
      id,
      this.deps.clock.now(),
    );
    if (!isRevoked) throw new AppError('not_found', `token ${id} not found`, { id });
    // Streams opened with the token end now (on every node), not at their next heartbeat.
    publishNotices(this.deps.notices, [accessNotice(actor, 'token_revoked', this.deps.clock.now())]);
  }

  /** The principal of a bearer token, or undefined when unknown, revoked or expired. */
  async authenticate(token: string, source: Actor['source'] = 'api'): Promise<Principal | undefined> {
    const repo = this.#repo();
    const row = await repo.findTokenByHash(hashSecret(token));
    const now = this.deps.clock.now();
    if (!row || row.revokedAt !== null || (row.expiresAt !== null && row.expiresAt <= now)) return undefined;
    if (row.lastUsedAt === null || now - row.lastUsedAt > TOUCH_EVERY) await repo.touchToken(row.id, now);
    return {
      actor: {
        workspaceId: row.workspaceId,
        personId: row.personId,
        actorType: 'token',
        tokenId: row.id,
        source,
      },
      via: 'token',
      accountId: null,
      sessionId: null,
      tokenId: row.id,
      csrfToken: null,
    };
  }
}
