import { AppError } from '../../core/errors';
import { isValidTimeZone } from '../../core/time';
import { hashSecret, newSecret } from '../auth/secrets';
import { calendarFeed } from '../calendar/feed';
import { CalendarFeedRepository } from '../repositories/calendar-feed.repository';
import { repositories } from '../repositories/index';
import type { Actor, ServiceDeps } from './context';
import { openSession } from './session';
import { readSettings } from './workspace-settings';

const PREFIX = 'tdm_cal_';
/** `tdm_cal_` and 32 random bytes in base64url: what `newSecret` makes. */
const SECRET_RE = /^tdm_cal_[A-Za-z0-9_-]{43}$/;
/** How often reading a feed records `lastReadAt` at most, so that reads stay reads. */
const TOUCH_EVERY = 3_600_000;

/** What creating (or rotating) a feed answers, once. */
export interface CalendarFeedCreated {
  /** The feed's address: subscribe to it in a calendar application. It is the credential. */
  url: string;
  createdAt: number;
}

/** The one answer for every feed that cannot be read, whatever the reason. */
const noFeed = (): never => {
  throw new AppError('not_found', 'no calendar feed at this address');
};

/**
 * Per-person secret iCalendar feeds (SPEC 6): a person creates (or rotates) their feed's secret
 * and gets its URL once; only the secret's SHA-256 is stored, as for API tokens. Reading the feed
 * needs no session: the secret is the credential, and it shows that person's own SMART goals
 * only, the workspace's check-in day in their time zone and the ends of cycles. An unknown,
 * revoked or malformed secret, or one of a deactivated person, is the same `not_found`.
 */
export class CalendarFeedService {
  constructor(readonly deps: ServiceDeps) {}

  /** Creates the actor's feed, or replaces its secret (the old URL stops working at once). */
  async create(actor: Actor, publicUrl: string): Promise<CalendarFeedCreated> {
    const session = await openSession(this.deps, this.deps.db.kysely, actor);
    const secret = newSecret(PREFIX);
    await new CalendarFeedRepository(this.deps.db.kysely).put({
      personId: session.scope.personId,
      workspaceId: actor.workspaceId,
      secretHash: hashSecret(secret),
      createdAt: session.at,
      lastReadAt: null,
    });
    return { url: `${publicUrl}/api/v1/calendar/${secret}.ics`, createdAt: session.at };
  }

  /** Revokes the actor's feed (nothing to revoke is fine: the result is the same). */
  async revoke(actor: Actor): Promise<void> {
    await openSession(this.deps, this.deps.db.kysely, actor);
    await new CalendarFeedRepository(this.deps.db.kysely).delete(actor.workspaceId, actor.personId);
  }

  /** The feed of a secret as iCalendar text, or `not_found`. */
  async read(secret: string, publicUrl: string): Promise<string> {
    if (!SECRET_RE.test(secret)) return noFeed();
    const db = this.deps.db.kysely;
    const feeds = new CalendarFeedRepository(db);
    const feed = await feeds.findByHash(hashSecret(secret));
    if (!feed) return noFeed();
    const repos = repositories(db, this.deps.db.dialect);
    const [person, workspace, cycles] = await Promise.all([
      repos.people.find(feed.workspaceId, feed.personId),
      repos.workspaces.find(feed.workspaceId),
      repos.cycles.list(feed.workspaceId),
    ]);
    if (person?.isActive !== true || !workspace) return noFeed();
    const settings = readSettings(workspace.settings, workspace.id, this.deps.logger);
    const goals = (
      await Promise.all(
        cycles.map((c) => repos.smartGoals.listByCycle(feed.workspaceId, c.id, { ownerIds: [person.id] })),
      )
    )
      .flat()
      .filter((g) => g.ownerId === person.id && g.state !== 'dropped');
    const at = this.deps.clock.now();
    if (feed.lastReadAt === null || at - feed.lastReadAt > TOUCH_EVERY) await feeds.touch(person.id, at);
    return calendarFeed({
      person: {
        id: person.id,
        name: person.name,
        timeZone: isValidTimeZone(person.timeZone) ? person.timeZone : settings.timeZone,
      },
      checkin: { day: settings.checkinDay, hour: settings.checkinHour },
      goals,
      cycles,
      publicUrl,
      at,
    });
  }
}
