import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Channel, OutboundMessage } from './message';
import { renderEmail } from './render';

/** How to reach the SMTP server (`TANDEM_SMTP_URL`, `TANDEM_MAIL_FROM`). */
export interface SmtpSettings {
  /** `smtp://user:pass@host:port` (STARTTLS when the server offers it), `smtps://` for TLS from the start. */
  url: string;
  /** The From header: `Tandem <tandem@example.com>`. */
  from: string;
}

/**
 * SMTP connections the pooled transport keeps open: a sweep of 10,000 reminders keeps them all
 * busy (each message is a few round trips on one connection, so throughput grows with them).
 */
export const SMTP_CONNECTIONS = 8;

/** The email channel, with what it needs to render a message for one person. */
export interface EmailChannel extends Channel {
  id: 'email';
  /** Closes the pooled SMTP connections. */
  close(): void;
}

/**
 * Email over SMTP with nodemailer: one pooled transport (a few connections kept open, so a sweep
 * of thousands of reminders does not pay a handshake per message). A message is rendered from the
 * template files of its kind, HTML and plain text. `send` resolves once the server accepted the
 * message and throws when it refused it (the caller retries).
 *
 * @example
 * const email = emailChannel({ url: 'smtp://127.0.0.1:2525', from: 'Tandem <t@example.com>' });
 * await email.send('ana@example.com', message);
 */
export function emailChannel(smtp: SmtpSettings, options: { settingsUrl?: string } = {}): EmailChannel {
  const url = new URL(smtp.url);
  // Loaded only when email is configured: nodemailer holds about 15 MB (SPEC 11's memory target).
  const nodemailer = createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;
  const transport: Transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    pool: true,
    maxConnections: SMTP_CONNECTIONS,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  return {
    id: 'email',
    destinations: async (recipient) => (recipient.email ? [recipient.email] : []),
    send: async (destination: string, message: OutboundMessage) => {
      const email = renderEmail(message, {
        ...(options.settingsUrl && (message.kind === 'reminder' || message.kind === 'digest')
          ? { settingsUrl: options.settingsUrl }
          : {}),
      });
      await transport.sendMail({ from: smtp.from, to: destination, ...email });
    },
    close: () => transport.close(),
  };
}
