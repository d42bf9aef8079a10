import type { OutboundMessage } from '../message';

/**
 * The message an admin's "send a test message" posts to a chat webhook: says where reminders and
 * digests will arrive, with a button back to Tandem.
 *
 * @example
 * chatTestMessage('Platform team', 'https://okr.example.com')
 */
export function chatTestMessage(unitName: string | undefined, publicUrl: string): OutboundMessage {
  const where = unitName
    ? `people in ${unitName} (and the units below it that have no channel of their own)`
    : 'this workspace';
  return {
    kind: 'test',
    subject: 'Tandem is connected',
    intro: `This channel will get check-in reminders and digests for ${where}.`,
    sections: [],
    action: { label: 'Open Tandem', url: publicUrl },
  };
}
