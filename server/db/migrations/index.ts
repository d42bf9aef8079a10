import type { Kysely, Migration } from 'kysely';
import * as initial from './0001-initial';
import * as rollups from './0002-rollups-and-idempotency';
import * as accounts from './0003-accounts';
import * as webhooks from './0004-webhooks';
import * as directoryVersion from './0005-directory-version';
import * as rollupBacklog from './0006-rollup-backlog';
import * as eventToken from './0007-event-token';
import * as jobs from './20261201T2000-jobs';
import * as passwordResets from './20261201T2020-password-resets';
import * as goalKeys from './20261201T2030-goal-keys';
import * as notifications from './20261202T0100-notifications';
import * as chatAndCalendar from './20261202T0200-chat-webhooks-and-calendar-feeds';
import * as goalFacts from './20261202T0520-goal-facts';
import * as checkInsInEntryOrder from './20261203T1400-check-ins-in-entry-order';

/**
 * Every migration, forward only, in order. Listed in code rather than read from the file system,
 * because Kysely's `FileMigrationProvider` cannot load `.ts` files inside Vitest.
 *
 * New migrations are named by UTC timestamp, `YYYYMMDDTHHMM-what` (file and id alike), and listed
 * in name order (at the end, unless a branch merged later has an earlier stamp): two branches
 * adding one each in parallel do not collide, and every timestamp sorts after the seven numbered
 * ones (`0001-...` to `0007-...`), which keep their names. Kysely applies them in name order;
 * `migrations.test.ts` checks that this list is in that order and its ids unique.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': { up: (db: Kysely<unknown>) => initial.up(db) },
  '0002-rollups-and-idempotency': { up: (db: Kysely<unknown>) => rollups.up(db) },
  '0003-accounts': { up: (db: Kysely<unknown>) => accounts.up(db) },
  '0004-webhooks': { up: (db: Kysely<unknown>) => webhooks.up(db) },
  '0005-directory-version': { up: (db: Kysely<unknown>) => directoryVersion.up(db) },
  '0006-rollup-backlog': { up: (db: Kysely<unknown>) => rollupBacklog.up(db) },
  '0007-event-token': { up: (db: Kysely<unknown>) => eventToken.up(db) },
  '20261201T2000-jobs': { up: (db: Kysely<unknown>) => jobs.up(db) },
  '20261201T2020-password-resets': { up: (db: Kysely<unknown>) => passwordResets.up(db) },
  '20261201T2030-goal-keys': { up: (db: Kysely<unknown>) => goalKeys.up(db) },
  '20261202T0100-notifications': { up: (db: Kysely<unknown>) => notifications.up(db) },
  '20261202T0200-chat-webhooks-and-calendar-feeds': { up: (db: Kysely<unknown>) => chatAndCalendar.up(db) },
  '20261202T0520-goal-facts': { up: (db: Kysely<unknown>) => goalFacts.up(db) },
  '20261203T1400-check-ins-in-entry-order': { up: (db: Kysely<unknown>) => checkInsInEntryOrder.up(db) },
};
