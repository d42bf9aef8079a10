import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { buildChannels, closeChannels } from '../notify/channels';
import type { Channel } from '../notify/message';

/** A message the receiver accepted, parsed. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
}

/** A real SMTP server on loopback for tests: every accepted message, parsed with mailparser. */
export interface SmtpReceiver {
  url: string;
  mails: ReceivedMail[];
  /** Refuse the next `n` messages (with a 451), to test retries. */
  refuseNext(n: number): void;
  /** Refuse every message to these addresses at RCPT TO (a 451), until called again with others. */
  refuseRecipients(addresses: readonly string[]): void;
  /**
   * Hold every message from now on: received but not yet answered, so the sender waits for its
   * 250 (a test kills the sender meanwhile). `held` counts the messages waiting; one whose sender
   * hangs up is dropped from them.
   */
  hold(): void;
  readonly held: number;
  /**
   * Answer the held messages and stop holding: those whose sender is still connected are accepted
   * (into `mails`); those whose connection closed were never accepted, as SMTP has it, and are
   * returned (the sender never learnt they arrived, so it must send them again).
   */
  release(): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * Starts an SMTP server on 127.0.0.1, a random port, without TLS or authentication.
 *
 * @example
 * const smtp = await startSmtpReceiver();
 * // ... TANDEM_SMTP_URL = smtp.url
 * expect(smtp.mails[0]?.subject).toBe('...');
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  let refusals = 0;
  let refusedRecipients = new Set<string>();
  let isHolding = false;
  const held: { mail: ReceivedMail; sessionId: string; callback: () => void }[] = [];
  const closed = new Set<string>();
  const dropped: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10_000_000,
    onRcptTo(address, _session, callback) {
      if (!refusedRecipients.has(address.address.toLowerCase())) return callback();
      const error = new Error(`${address.address}: mailbox busy, try again later`) as Error & {
        responseCode: number;
      };
      error.responseCode = 451;
      callback(error);
    },
    onClose(session) {
      closed.add(session.id);
      // A held message whose sender hung up was never accepted: it is dropped, as SMTP has it.
      for (let i = held.length - 1; i >= 0; i--)
        if (held[i]!.sessionId === session.id) dropped.push(...held.splice(i, 1).map((h) => h.mail));
    },
    onData(stream, session, callback) {
      if (refusals > 0) {
        refusals--;
        stream.resume();
        stream.on('end', () => {
          const error = new Error('try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
        });
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const mail = {
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            parsed,
          };
          if (isHolding) {
            held.push({ mail, sessionId: session.id, callback: () => callback() });
            return;
          }
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  // A sender that goes away mid-message (a node killed with SIGKILL, by design in the notify
  // tests) resets its connection; smtp-server reports that as an 'error' event, which without a
  // listener is an uncaught exception in the test process. What was not accepted stays unaccepted.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    refuseNext: (n) => {
      refusals = n;
    },
    refuseRecipients: (addresses) => {
      refusedRecipients = new Set(addresses.map((a) => a.toLowerCase()));
    },
    hold: () => {
      isHolding = true;
    },
    get held() {
      return held.length;
    },
    release: () => {
      isHolding = false;
      for (const { mail, sessionId, callback } of held.splice(0)) {
        if (closed.has(sessionId)) dropped.push(mail);
        else {
          mails.push(mail);
          callback();
        }
      }
      return dropped.splice(0);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback SMTP receiver and the email channel sending to it, as the notify tests use them. */
export interface EmailFixture {
  smtp: SmtpReceiver;
  channels: Channel[];
  close(): Promise<void>;
}

/**
 * Starts a receiver and builds the channels (email only) that send to it, with links to `publicUrl`.
 *
 * @example
 * const email = await startEmailChannels('https://tandem.example.com');
 * new Notifier(deps, { channels: email.channels, publicUrl }); // ... email.smtp.mails
 */
export async function startEmailChannels(publicUrl: string): Promise<EmailFixture> {
  const smtp = await startSmtpReceiver();
  const channels = buildChannels({ smtp: { url: smtp.url, from: 'Tandem <tandem@example.com>' }, publicUrl });
  return {
    smtp,
    channels,
    close: async () => {
      closeChannels(channels);
      await smtp.close();
    },
  };
}
