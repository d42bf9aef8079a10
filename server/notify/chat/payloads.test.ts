import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../message';
import { slackMessageSchema, teamsMessageSchema } from './documented-shapes';
import { escapeSlack, slackPayload } from './slack';
import { escapeTeams, TEAMS_MAX_ITEMS, teamsPayload } from './teams';

const reminder: OutboundMessage = {
  kind: 'reminder',
  subject: 'Your check-in for week 47: 2 goals',
  intro: "Two goals wait for this week's numbers. It takes a minute.",
  sections: [
    {
      heading: 'Due this week',
      items: [
        {
          title: 'Grow R&D <core> revenue to 2M',
          detail: 'last: 1.2M on 3 Nov',
          url: 'https://okr.example.com/goals/kr1?from=slack&x=1',
        },
        { title: 'Ship *v2* [beta]', url: 'https://okr.example.com/goals/kr2' },
      ],
    },
  ],
  action: { label: 'Check in now', url: 'https://okr.example.com/check-ins?person=me' },
};

const many = (n: number): OutboundMessage => ({
  ...reminder,
  subject: 'S'.repeat(400),
  sections: [
    {
      heading: 'Stale goals',
      items: Array.from({ length: n }, (_, i) => ({
        title: `Goal number ${i} with a title long enough to fill the section quickly ${'x'.repeat(60)}`,
        detail: `owner Person ${i}`,
        url: `https://okr.example.com/goals/g${i}`,
      })),
    },
  ],
});

describe('the Slack payload', () => {
  it('is Block Kit as documented: header, intro, linked items, a button, a fallback text', () => {
    const payload = slackPayload(reminder);
    expect(slackMessageSchema.parse(payload)).toBeTruthy();
    expect(payload.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions']);
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: reminder.subject, emoji: true },
    });
    const list = payload.blocks[2] as { text: { text: string } };
    expect(list.text.text).toContain(
      '<https://okr.example.com/goals/kr1?from=slack&amp;x=1|Grow R&amp;D &lt;core&gt; revenue to 2M>',
    );
    expect(list.text.text).toContain('last: 1.2M on 3 Nov');
    expect(payload.blocks[3]).toMatchObject({
      type: 'actions',
      elements: [{ type: 'button', url: reminder.action!.url, text: { text: 'Check in now' } }],
    });
    expect(payload.text).toBe(escapeSlack(`${reminder.subject}\n${reminder.intro}`));
  });

  it('escapes &, < and > (no mention or link can be injected through a title)', () => {
    expect(escapeSlack('<!channel> & <https://evil.example|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;',
    );
    const payload = slackPayload({ ...reminder, intro: '<!here> please', sections: [] });
    expect(JSON.stringify(payload)).not.toContain('<!here>');
  });

  it('keeps to the limits: header 150, sections 3,000, at most 50 blocks, and says what was left out', () => {
    const payload = slackPayload(many(2000));
    expect(slackMessageSchema.safeParse(payload).error).toBeUndefined();
    expect(payload.blocks).toHaveLength(50);
    const header = payload.blocks[0] as { text: { text: string } };
    expect(Array.from(header.text.text)).toHaveLength(150);
    expect(header.text.text.endsWith('…')).toBe(true);
    expect(payload.blocks.at(-1)!.type).toBe('actions');
    const more = payload.blocks.at(-2) as { type: string; elements: { text: string }[] };
    expect(more.type).toBe('context');
    const listed = payload.blocks
      .filter((b) => b.type === 'section')
      .slice(1)
      .reduce((n, b) => n + ((b as { text: { text: string } }).text.text.match(/•/g) ?? []).length, 0);
    expect(more.elements[0]!.text).toBe(`…and ${2000 - listed} more items in Tandem.`);
  });

  it('stays valid for hostile text: long titles full of &, < and >, long URLs, newlines', () => {
    const hostile: OutboundMessage = {
      kind: 'digest',
      subject: 'A\nB & <C>',
      intro: '>'.repeat(5000),
      sections: [
        {
          heading: '&'.repeat(400),
          items: Array.from({ length: 100 }, (_, i) => ({
            title: '&<>'.repeat(2000),
            detail: `line one\nline two ${'<'.repeat(5000)}`,
            url: `https://okr.example.com/g/${i}?${'a=1&'.repeat(200)}|x`,
          })),
        },
      ],
      action: { label: 'L'.repeat(200), url: 'https://okr.example.com/' },
    };
    const payload = slackPayload(hostile);
    expect(slackMessageSchema.safeParse(payload).error).toBeUndefined();
    const header = payload.blocks[0] as { text: { text: string } };
    expect(header.text.text).toBe('A B & <C>');
    expect(JSON.stringify(payload)).toContain('%7Cx|');
  });

  it('renders a message without sections or action as a header and a section', () => {
    const payload = slackPayload({ kind: 'test', subject: 'Hi', intro: 'Connected.', sections: [] });
    expect(slackMessageSchema.parse(payload).blocks.map((b) => b.type)).toEqual(['header', 'section']);
  });
});

describe('the Teams payload', () => {
  it('is the message envelope with one Adaptive Card 1.4: text blocks, linked items, an OpenUrl action', () => {
    const payload = teamsPayload(reminder);
    expect(teamsMessageSchema.parse(payload)).toBeTruthy();
    const card = payload.attachments[0].content;
    expect(card.body[0]).toMatchObject({ text: reminder.subject, size: 'Large', weight: 'Bolder' });
    expect(card.body.map((b) => b.text)).toContain(
      '[Grow R&D <core> revenue to 2M](https://okr.example.com/goals/kr1?from=slack&x=1)',
    );
    expect(card.body.map((b) => b.text)).toContain(
      '[Ship \\*v2\\* \\[beta\\]](https://okr.example.com/goals/kr2)',
    );
    expect(card.body.find((b) => b.text === 'last: 1.2M on 3 Nov')).toMatchObject({ isSubtle: true });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Check in now', url: reminder.action!.url },
    ]);
  });

  it('escapes Markdown so a title shows as written, and caps a long list', () => {
    expect(escapeTeams('1. _a_ `b` ~c~')).toBe('\\1. \\_a\\_ \\`b\\` \\~c\\~');
    const card = teamsPayload(many(500)).attachments[0].content;
    expect(teamsMessageSchema.safeParse(teamsPayload(many(500))).error).toBeUndefined();
    expect(card.body.filter((b) => b.text.startsWith('[Goal number'))).toHaveLength(TEAMS_MAX_ITEMS);
    expect(card.body.at(-1)!.text).toBe(`…and ${500 - TEAMS_MAX_ITEMS} more items in Tandem.`);
  });

  it('keeps a card of long items under the size Teams accepts (about 28 KB)', () => {
    const long: OutboundMessage = {
      ...reminder,
      sections: [
        {
          heading: 'Stale',
          items: Array.from({ length: 200 }, (_, i) => ({
            title: 'T'.repeat(1000),
            detail: 'D'.repeat(1000),
            url: `https://okr.example.com/g/${i}`,
          })),
        },
      ],
    };
    const payload = teamsPayload(long);
    expect(teamsMessageSchema.safeParse(payload).error).toBeUndefined();
    expect(new TextEncoder().encode(JSON.stringify(payload)).length).toBeLessThan(28_000);
    expect(payload.attachments[0].content.body.at(-1)!.text).toMatch(/^…and \d+ more items in Tandem\.$/);
  });
});
