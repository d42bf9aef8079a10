import { formatDate } from '../../core/time';
import type { DueGoal } from '../services/check-in-due.service';
import type { MessageItem, OutboundMessage } from './message';

/**
 * The messages Tandem sends, built from what the services know, in the product's voice: short,
 * specific, and never nagging (one reminder per check-in, nothing once done). Links are absolute,
 * from `TANDEM_PUBLIC_URL`.
 */

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Where a goal lives in the web app. */
export const goalUrl = (publicUrl: string, goal: Pick<DueGoal, 'type' | 'id'>) =>
  `${publicUrl}/${goal.type === 'key_result' ? 'key-results' : 'smart-goals'}/${goal.id}`;

/** The check-in screen (it lists the signed-in person's goals due this period). */
export const checkInUrl = (publicUrl: string) => `${publicUrl}/check-in`;

/** "last: 42 on 2026-10-12", "last: 2 of 3 done on ...", "no check-in yet". */
export function lastValueText(goal: DueGoal, timeZone: string): string {
  if (goal.lastCheckinAt === null) return 'no check-in yet';
  const on = ` on ${formatDate(goal.lastCheckinAt, timeZone)}`;
  const measure = goal.measure as { type?: string; milestones?: unknown[] } | null;
  if (goal.lastDone && measure?.type === 'milestones')
    return `last: ${goal.lastDone.length} of ${measure.milestones?.length ?? '?'} done${on}`;
  if (goal.lastValue === null) return `last check-in${on}`;
  return `last: ${Number(goal.lastValue.toFixed(2))}${on}`;
}

const dueItem =
  (publicUrl: string, timeZone: string) =>
  (goal: DueGoal): MessageItem => ({
    title: goal.title,
    detail: [goal.objectiveTitle ? `for "${goal.objectiveTitle}"` : undefined, lastValueText(goal, timeZone)]
      .filter(Boolean)
      .join(' · '),
    url: goalUrl(publicUrl, goal),
  });

/**
 * A person's check-in reminder: the goals due this period with their last values, and one link to
 * the check-in screen.
 */
export function reminderMessage(
  person: { name: string; timeZone: string },
  goals: readonly DueGoal[],
  publicUrl: string,
): OutboundMessage {
  const first = person.name.split(/\s+/)[0] || person.name;
  return {
    kind: 'reminder',
    subject: `Check-in: ${plural(goals.length, 'goal')} to update this week`,
    intro: `Hi ${first}, it is check-in day. ${goals.length === 1 ? 'One goal waits' : `${goals.length} goals wait`} for this week's value; it takes a minute.`,
    sections: [{ heading: 'Due this week', items: goals.map(dueItem(publicUrl, person.timeZone)) }],
    action: { label: 'Check in now', url: checkInUrl(publicUrl) },
  };
}

/** What a lead's weekly digest reports about the people of their units. */
export interface DigestContent {
  /** Goals with two or more missed periods in a row (the escalation), with their owner. */
  stale: { goal: DueGoal; ownerName: string }[];
  /** Goals at risk or off track. */
  atRisk: { goal: DueGoal; ownerName: string }[];
  /** Goals whose status changed since last week's digest, with the change. */
  changes: { goal: DueGoal; ownerName: string; from: string; to: string }[];
  /** Check-in compliance of each led unit: the last full week's share of due check-ins made. */
  compliance: { unitName: string; done: number; due: number; rate: number | null }[];
}

const words = (status: string | null) => (status ?? 'no status').replace(/_/g, ' ');

/** The weekly digest to a unit lead (SPEC 6), with the escalation of stale goals first. */
export function digestMessage(
  lead: { name: string; timeZone: string },
  content: DigestContent,
  publicUrl: string,
): OutboundMessage {
  const first = lead.name.split(/\s+/)[0] || lead.name;
  const item = ({ goal, ownerName }: { goal: DueGoal; ownerName: string }, extra?: string): MessageItem => ({
    title: goal.title,
    detail: [`owner ${ownerName}`, extra ?? lastValueText(goal, lead.timeZone)].join(' · '),
    url: goalUrl(publicUrl, goal),
  });
  const sections = [
    {
      heading: 'Not checked in for two periods or more',
      items: content.stale.map((s) =>
        item(s, `${s.goal.missedPeriods} periods missed · ${lastValueText(s.goal, lead.timeZone)}`),
      ),
    },
    { heading: 'At risk or off track', items: content.atRisk.map((a) => item(a, words(a.goal.status))) },
    {
      heading: 'Status changes this week',
      items: content.changes.map((c) => item(c, `${words(c.from)} → ${words(c.to)}`)),
    },
    {
      heading: 'Check-in compliance last week',
      items: content.compliance.map((c) => ({
        title: c.unitName,
        detail:
          c.rate === null
            ? 'nothing was due'
            : `${Math.round(c.rate * 100)}% (${c.done} of ${c.due} check-ins)`,
      })),
    },
  ].filter((s) => s.items.length > 0);
  const stale = content.stale.length;
  return {
    kind: 'digest',
    subject:
      stale > 0
        ? `Weekly digest: ${plural(stale, 'goal')} not checked in for two weeks`
        : content.atRisk.length === 0 && content.changes.length > 0
          ? `Weekly digest: ${plural(content.changes.length, 'status change')}`
          : `Weekly digest: ${plural(content.atRisk.length, 'goal')} at risk`,
    intro: `Hi ${first}, here is how your units' goals stand this week.`,
    sections,
    action: { label: 'Open the dashboard', url: `${publicUrl}/` },
  };
}

/** The admin's "send test email". */
export function testMessage(publicUrl: string): OutboundMessage {
  return {
    kind: 'test',
    subject: 'Tandem test email',
    intro: 'Your email settings work: Tandem can send reminders and digests.',
    sections: [],
    action: { label: 'Open Tandem', url: `${publicUrl}/` },
  };
}

/** A password reset link an admin issued. */
export function passwordResetMessage(name: string, url: string, hours: number): OutboundMessage {
  return {
    kind: 'password-reset',
    subject: 'Set a new Tandem password',
    intro: `Hi ${name.split(/\s+/)[0] || name}, an admin issued a password reset for you. The link works once, for ${hours} hours.`,
    sections: [],
    action: { label: 'Set a new password', url },
  };
}

/** An invitation to a workspace. */
export function invitationMessage(
  name: string,
  workspaceName: string,
  url: string,
  days: number,
): OutboundMessage {
  return {
    kind: 'invitation',
    subject: `You are invited to ${workspaceName} on Tandem`,
    intro: `Hi ${name.split(/\s+/)[0] || name}, you are invited to set goals and check in with ${workspaceName} on Tandem. The link works for ${days} days.`,
    sections: [],
    action: { label: 'Accept the invitation', url },
  };
}
