/**
 * What Tandem says to a person outside the app (a reminder, an escalation, a digest, a test), in
 * one neutral shape that every channel renders its own way: email (HTML and plain text), Slack
 * (Block Kit) and Microsoft Teams (an Adaptive Card). Builders of messages never know the channel;
 * channels never know why a message is sent.
 */
export type MessageKind = 'reminder' | 'escalation' | 'digest' | 'test' | 'password-reset' | 'invitation';

/** One line of a list: a goal with its last value, say. `url` is absolute (built from TANDEM_PUBLIC_URL). */
export interface MessageItem {
  title: string;
  /** A short second line: "last: 42% on 3 Nov · owner Ana Silva". */
  detail?: string;
  url?: string;
}

export interface MessageSection {
  heading: string;
  items: MessageItem[];
}

export interface OutboundMessage {
  kind: MessageKind;
  /** One line: the email subject, the chat message's headline. */
  subject: string;
  /** A sentence or two before the sections. */
  intro: string;
  sections: MessageSection[];
  /** The one thing to do next, as a button or link. */
  action?: { label: string; url: string };
}

/** Who a message is for. */
export interface Recipient {
  personId: string;
  workspaceId: string;
  name: string;
  email: string;
  timeZone: string;
  /** The units the person belongs to (a chat channel may be configured per unit). */
  unitIds: readonly string[];
}

export type ChannelId = 'email' | 'slack' | 'teams';

/**
 * A way to reach people. `destinations` says where a message for this recipient goes on this
 * channel (an email address; the webhook URL of the person's unit or workspace), none when the
 * channel is not set up for them. `send` hands one message to one destination and throws when it
 * was not accepted (the caller's job retries it with backoff and records the outcome).
 */
export interface Channel {
  id: ChannelId;
  destinations(recipient: Recipient): Promise<string[]>;
  send(destination: string, message: OutboundMessage): Promise<void>;
}
