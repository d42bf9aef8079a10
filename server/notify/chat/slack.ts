import type { MessageItem, OutboundMessage } from '../message';

/** Block Kit limits (api.slack.com/reference/block-kit): what Slack refuses past them. */
export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  buttonText: 75,
  url: 3000,
  fallbackText: 3000,
} as const;

interface PlainText {
  type: 'plain_text';
  text: string;
  emoji: true;
}

/** The Block Kit blocks Tandem sends. */
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
  | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  | {
      type: 'actions';
      elements: { type: 'button'; text: PlainText; url: string; action_id: string; style: 'primary' }[];
    };

/** The body of a Slack incoming-webhook request. */
export interface SlackPayload {
  /** Plain fallback: notifications, and clients that cannot show blocks. */
  text: string;
  blocks: SlackBlock[];
  unfurl_links: false;
  unfurl_media: false;
}

/**
 * Escapes text for Slack's mrkdwn: `&`, `<` and `>` are control characters there (a `<` would
 * start a link or a mention such as `<!channel>`), so they become `&amp;`, `&lt;`, `&gt;`.
 *
 * @example
 * escapeSlack('R&D <team>') // 'R&amp;D &lt;team&gt;'
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to at most `max` characters (code points), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A URL as a Slack link target: `|` ends the target, so it is percent-encoded; & < > escaped. */
const slackUrl = (url: string) => escapeSlack(url.replace(/\|/g, '%7C'));

const plain = (text: string, max: number): PlainText => ({
  type: 'plain_text',
  text: clip(text.replace(/[\r\n]+/g, ' '), max),
  emoji: true,
});

/**
 * Escaped mrkdwn of at most `max` characters: the text is cut before it is escaped, so an entity
 * (`&amp;`) is never cut in half.
 */
export function mrkdwnText(text: string, max: number, isOneLine = true): string {
  const flat = isOneLine ? text.replace(/[\r\n]+/g, ' ') : text;
  let room = max;
  for (;;) {
    const escaped = escapeSlack(clip(flat, room));
    if (escaped.length <= max) return escaped;
    room = Math.max(1, Math.min(room - 1, Math.floor((room * max) / escaped.length)));
  }
}

/** Longest item line: a section of 3,000 characters always has room for its heading and one item. */
const MAX_LINE = 2400;
/** Longest link target; a longer URL is left out (the title is still listed). */
const MAX_LINK = 1000;

/** One list line in mrkdwn: a bullet, the title (a link when it has a URL), the detail below. */
function itemLine(item: MessageItem): string {
  const title = mrkdwnText(item.title, 300);
  const detail = item.detail ? `\n      ${mrkdwnText(item.detail, 500)}` : '';
  const link = item.url && item.url.length <= MAX_LINK ? `<${slackUrl(item.url)}|${title}>` : undefined;
  if (link && link.length + detail.length + 3 <= MAX_LINE) return `•  ${link}${detail}`;
  return `•  ${title}${detail}`;
}

/** The sections' text in pieces of at most 3,000 characters, each with how many items it lists. */
function sectionChunks(message: OutboundMessage): { text: string; items: number }[] {
  const chunks: { text: string; items: number }[] = [];
  for (const section of message.sections) {
    let chunk = { text: `*${mrkdwnText(section.heading, 300)}*`, items: 0 };
    for (const item of section.items) {
      const line = itemLine(item);
      if (chunk.text.length + 1 + line.length > SLACK_LIMITS.sectionText) {
        chunks.push(chunk);
        chunk = { text: line, items: 1 };
      } else chunk = { text: `${chunk.text}\n${line}`, items: chunk.items + 1 };
    }
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * Renders a message as a Slack incoming-webhook body (Block Kit): a header with the subject, a
 * section with the intro, each section's heading and its items (title linked, detail below) in
 * sections of at most 3,000 characters, and a button for `message.action`. Past 50 blocks the
 * list stops with a line saying how many items were left out; every text is clipped to its
 * limit and mrkdwn is escaped. `text` is the plain fallback Slack shows in notifications.
 *
 * @example
 * await fetch(webhookUrl, { method: 'POST', body: JSON.stringify(slackPayload(message)) });
 */
export function slackPayload(message: OutboundMessage): SlackPayload {
  const blocks: SlackBlock[] = [{ type: 'header', text: plain(message.subject, SLACK_LIMITS.headerText) }];
  if (message.intro.trim())
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: mrkdwnText(message.intro, SLACK_LIMITS.sectionText, false) },
    });
  // Room kept for the action and for the "left out" line.
  const room = SLACK_LIMITS.blocks - (message.action ? 1 : 0) - 1;
  let leftOut = 0;
  for (const chunk of sectionChunks(message)) {
    if (blocks.length < room) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: chunk.text } });
    else leftOut += chunk.items;
  }
  if (leftOut > 0)
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: `…and ${leftOut} more ${leftOut === 1 ? 'item' : 'items'} in Tandem.` },
      ],
    });
  if (message.action && message.action.url.length <= SLACK_LIMITS.url)
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: plain(message.action.label, SLACK_LIMITS.buttonText),
          url: message.action.url,
          action_id: 'tandem-open',
          style: 'primary',
        },
      ],
    });
  return {
    text: escapeSlack(clip(`${message.subject}\n${message.intro}`.trim(), SLACK_LIMITS.fallbackText)),
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
