import { readFileSync } from 'node:fs';
import Mustache from 'mustache';
import type { MessageKind, OutboundMessage } from './message';

/**
 * Email bodies from plain template files (`server/notify/templates/<kind>.html` and `.txt`, with
 * the shared `layout` and `sections` partials), rendered with Mustache: logic-less, so a template
 * is readable and editable by anyone, and `{{value}}` is HTML-escaped in the HTML part (the text
 * part is rendered without escaping). Templates are read once per process.
 */

/** An email ready for SMTP. */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** What a template may use besides the message. */
export interface RenderContext {
  /** Where the recipient changes their notification settings; none for messages they cannot stop. */
  settingsUrl?: string;
}

const templates = new Map<string, string>();
const templateText = (file: string): string => {
  let text = templates.get(file);
  if (text === undefined) {
    text = readFileSync(new URL(`./templates/${file}`, import.meta.url), 'utf8');
    templates.set(file, text);
  }
  return text;
};

const FOOTERS: Record<MessageKind, string> = {
  reminder: 'Sent by Tandem on your check-in day.',
  escalation: 'Sent by Tandem to unit leads.',
  digest: 'Your weekly Tandem digest, sent to unit leads.',
  test: 'A test message from Tandem: your email settings work.',
  'password-reset': 'Sent by Tandem because an admin issued a password reset for you.',
  invitation: 'Sent by Tandem because an admin invited you.',
};

const plain = { escape: (value: unknown) => String(value) };
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Escapes what HTML needs (Mustache's default also escapes `/` and `=`, which mangles links). */
const html = { escape: (value: unknown) => String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!) };

/**
 * Renders a message as an email, HTML and plain text.
 *
 * @example
 * renderEmail({ kind: 'test', subject: 'Test', intro: 'It works.', sections: [] }, {}).text
 */
export function renderEmail(message: OutboundMessage, context: RenderContext): RenderedEmail {
  const view = {
    ...message,
    settingsUrl: context.settingsUrl,
    footer: FOOTERS[message.kind],
  };
  const body = Mustache.render(
    templateText('layout.html'),
    view,
    { body: templateText(`${message.kind}.html`), sections: templateText('sections.html') },
    html,
  );
  const text = Mustache.render(
    templateText('layout.txt'),
    view,
    { body: templateText(`${message.kind}.txt`), sections: templateText('sections.txt') },
    plain,
  );
  return { subject: message.subject, html: body, text: `${text.replace(/\n{3,}/g, '\n\n').trim()}\n` };
}
