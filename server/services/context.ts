import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Instant } from '../../core/time';
import type { Db, Executor } from '../db/database';
import type { CheckinSource, Database } from '../db/schema';
import { OutboundGuard } from '../outbound/guard';
import { collectNotices, type NoticeSink, publishNotices } from './notices';

/** The source of "now" for services and jobs; tests pass a clock they can move. */
export interface Clock {
  now(): Instant;
}

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that stays where it is put, for tests and scripted scenarios. */
export class FixedClock implements Clock {
  constructor(public at: Instant) {}
  now(): Instant {
    return this.at;
  }
  /** Moves the clock to an instant. */
  set(at: Instant): void {
    this.at = at;
  }
}

/** What every service needs: the database, the clock and an id generator (and where errors are logged). */
export interface ServiceDeps {
  db: Db;
  clock: Clock;
  newId: () => string;
  /** Where problems that do not fail a request are logged (stored settings that do not parse); default stderr. */
  logger?: Pick<Logger, 'error'>;
  /** Where outgoing requests (webhooks) may go: public addresses and the ranges an admin allows. */
  outbound: OutboundGuard;
  /**
   * Where the live notices of committed changes go (the event bus of a server; none in the
   * offline CLI): `transact` publishes the notices of the events its transaction recorded.
   */
  notices?: NoticeSink;
}

/**
 * Builds service dependencies with the wall clock, random UUIDs and an outbound guard that allows
 * public addresses only, unless given.
 */
export function serviceDeps(
  db: Db,
  clock: Clock = systemClock,
  newId: () => string = randomUUID,
  outbound: OutboundGuard = new OutboundGuard(),
): ServiceDeps {
  return { db, clock, newId, outbound };
}

/** Who is acting, in which workspace, through which interface. */
export interface Actor {
  workspaceId: string;
  personId: string;
  actorType: 'person' | 'token';
  /** The personal API token the actor authenticated with (`actorType: 'token'`). */
  tokenId?: string;
  source: CheckinSource;
}

const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `work` in one transaction, then publishes the live notices of the events it recorded
 * (`services/notices`; none when it rolls back). On PostgreSQL a serialization failure or deadlock is retried
 * (a few times, with a short pause); the work must therefore be safe to run again.
 */
export async function transact<T>(
  deps: ServiceDeps,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      let notices: ReturnType<typeof collectNotices> = [];
      const result = await deps.db.kysely.transaction().execute((trx) => {
        notices = collectNotices(trx);
        return work(trx);
      });
      // After the commit, all at once (a group commit's check-ins together); never for a rollback.
      publishNotices(deps.notices, notices);
      return result;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}

/** Either a plain handle or a transaction, for helpers that run in both. */
export type Handle = Executor;
