import type { SmtpSettings } from './email';
import { emailChannel } from './email';
import type { Channel } from './message';

/** What building the channels needs: each channel's configuration, and where links point. */
export interface ChannelDeps {
  /** From `TANDEM_SMTP_URL` and `TANDEM_MAIL_FROM`; no email channel without it. */
  smtp?: SmtpSettings | undefined;
  publicUrl: string;
}

/**
 * The channels this node can send on: the one list reminders, digests and the admin's test read.
 * A channel that is not configured is left out (and the workspace's `notificationChannels` naming
 * it sends nothing there). Slack and Teams (server/notify/chat/) join with one line each:
 * `slackChannel(deps), teamsChannel(deps),`.
 *
 * @example
 * const channels = buildChannels({ smtp: config.smtp, publicUrl: config.publicUrl });
 */
export function buildChannels(deps: ChannelDeps): Channel[] {
  return [
    ...(deps.smtp ? [emailChannel(deps.smtp)] : []),
    // slackChannel(deps), teamsChannel(deps),
  ];
}

/** Closes what channels hold open (pooled SMTP connections). */
export function closeChannels(channels: readonly Channel[]): void {
  for (const channel of channels) if ('close' in channel && typeof channel.close === 'function') channel.close();
}
