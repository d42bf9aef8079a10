import { type ChatChannelDeps, slackChannel, teamsChannel } from './chat/channels';
import type { SmtpSettings } from './email';
import { emailChannel } from './email';
import type { Channel } from './message';

/** What building the channels needs: each channel's configuration, and where links point. */
export interface ChannelDeps {
  /** From `TANDEM_SMTP_URL` and `TANDEM_MAIL_FROM`; no email channel without it. */
  smtp?: SmtpSettings | undefined;
  publicUrl: string;
  /** The database (the chat webhooks) and the outbound guard, for Slack and Teams; none without it. */
  chat?: ChatChannelDeps | undefined;
}

/**
 * The channels this node can send on: the one list reminders, digests and the admin's test read.
 * A channel that is not configured is left out (and the workspace's `notificationChannels` naming
 * it sends nothing there). Slack and Teams (server/notify/chat/) send to the chat webhooks an admin
 * added (a recipient with none gets nothing there).
 *
 * @example
 * const channels = buildChannels({ smtp: config.smtp, publicUrl: config.publicUrl });
 */
export function buildChannels(deps: ChannelDeps): Channel[] {
  return [
    ...(deps.smtp ? [emailChannel(deps.smtp)] : []),
    ...(deps.chat ? [slackChannel(deps.chat), teamsChannel(deps.chat)] : []),
  ];
}

/** Closes what channels hold open (pooled SMTP connections). */
export function closeChannels(channels: readonly Channel[]): void {
  for (const channel of channels)
    if ('close' in channel && typeof channel.close === 'function') channel.close();
}
