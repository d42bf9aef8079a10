// A counting SMTP server on loopback, in a process of its own (as a real mail server is): forked by
// bench/reminders.ts, it accepts every message, notes when the last reminder and the last digest
// were accepted (epoch ms, by the Subject header), and answers the parent's `report` with them.

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

const counts = { accepted: 0, reminders: 0, digests: 0, lastAt: 0, lastReminderAt: 0, lastDigestAt: 0 };
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      const at = Date.now();
      counts.accepted++;
      counts.lastAt = at;
      if (/^Subject: Weekly digest/m.test(head)) {
        counts.digests++;
        counts.lastDigestAt = at;
      } else {
        counts.reminders++;
        counts.lastReminderAt = at;
      }
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', (message: string) => {
  if (message === 'report') process.send!({ counts });
  if (message === 'close') server.close(() => process.exit(0));
});
// The parent gone (killed by a timeout, say), the server goes too.
process.on('disconnect', () => process.exit(0));
