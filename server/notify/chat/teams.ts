import type { OutboundMessage } from '../message';
import { clip } from './slack';

/** The schema URL Adaptive Cards name themselves by. */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/**
 * Most list lines one card carries: Teams refuses messages past about 28 KB, and a long card is
 * unread anyway; the rest is counted in a last line.
 */
export const TEAMS_MAX_ITEMS = 60;

/** Most characters of text one card carries (Teams refuses a message past about 28 KB in all). */
export const TEAMS_TEXT_BUDGET = 16_000;

/** The Adaptive Card elements Tandem sends. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Large' | 'Medium';
  weight?: 'Bolder';
  isSubtle?: true;
  spacing?: 'None' | 'Medium';
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** The body Teams workflows ("Post to a channel when a webhook request is received") and incoming webhooks accept. */
export interface TeamsPayload {
  type: 'message';
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive';
      contentUrl: null;
      content: {
        $schema: typeof ADAPTIVE_CARD_SCHEMA;
        type: 'AdaptiveCard';
        version: '1.4';
        body: TextBlock[];
        actions: OpenUrlAction[];
        msteams: { width: 'Full' };
      };
    },
  ];
}

/**
 * Escapes the Markdown subset a TextBlock reads (`*`, `_`, `[`, `]`, `` ` ``, a leading `-` or
 * number that would start a list), so a goal's title shows as written.
 *
 * @example
 * escapeTeams('Ship *v2* [beta]') // 'Ship \\*v2\\* \\[beta\\]'
 */
export function escapeTeams(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\*_[\]`~])/g, '\\$1')
    .replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}

/** A URL as a Markdown link target: characters that would end it are percent-encoded. */
const linkTarget = (url: string) => url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));

const text = (value: string, extra: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/**
 * Renders a message as a Microsoft Teams message with one Adaptive Card (version 1.4, the
 * envelope Teams workflows and incoming webhooks accept): the subject as a large bold line, the
 * intro, each section's heading and its items (title linked, detail as a subtle line under it,
 * at most 60 items, the rest counted), and an `Action.OpenUrl` button for `message.action`.
 *
 * @example
 * await fetch(workflowUrl, { method: 'POST', body: JSON.stringify(teamsPayload(message)) });
 */
export function teamsPayload(message: OutboundMessage): TeamsPayload {
  const body: TextBlock[] = [
    text(escapeTeams(clip(message.subject, 300)), { size: 'Large', weight: 'Bolder' }),
  ];
  if (message.intro.trim()) body.push(text(escapeTeams(clip(message.intro, 2000))));
  let shown = 0;
  let leftOut = 0;
  let size = body.reduce((n, b) => n + b.text.length, 0);
  const isFull = () => shown >= TEAMS_MAX_ITEMS || size >= TEAMS_TEXT_BUDGET;
  for (const section of message.sections) {
    if (isFull()) {
      leftOut += section.items.length;
      continue;
    }
    body.push(text(escapeTeams(clip(section.heading, 300)), { weight: 'Bolder', spacing: 'Medium' }));
    for (const item of section.items) {
      if (isFull()) {
        leftOut++;
        continue;
      }
      shown++;
      const title = escapeTeams(clip(item.title, 300));
      const line = item.url && item.url.length <= 2000 ? `[${title}](${linkTarget(item.url)})` : title;
      body.push(text(line));
      size += line.length;
      if (item.detail) {
        const detail = escapeTeams(clip(item.detail, 500));
        body.push(text(detail, { isSubtle: true, spacing: 'None' }));
        size += detail.length;
      }
    }
  }
  if (leftOut > 0)
    body.push(
      text(`…and ${leftOut} more ${leftOut === 1 ? 'item' : 'items'} in Tandem.`, { isSubtle: true }),
    );
  const actions: OpenUrlAction[] = message.action
    ? [{ type: 'Action.OpenUrl', title: clip(message.action.label, 100), url: message.action.url }]
    : [];
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: ADAPTIVE_CARD_SCHEMA,
          type: 'AdaptiveCard',
          version: '1.4',
          body,
          actions,
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}
