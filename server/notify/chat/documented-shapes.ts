import { z } from 'zod';

/**
 * The request bodies Slack and Microsoft Teams document, as zod schemas written from their
 * references rather than from Tandem's renderers, so tests can hold a payload against them:
 * the Block Kit subset of an incoming-webhook message (api.slack.com/reference/block-kit: header,
 * section, context, actions with buttons, and their limits) and the message envelope with one
 * Adaptive Card 1.4 that Teams workflows and incoming webhooks accept.
 */

/** mrkdwn where `&`, `<` and `>` appear only escaped, or in `<url|label>` links. */
const mrkdwn = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((text) => !/&(?!amp;|lt;|gt;)/.test(text), 'a raw & (Slack needs &amp;)')
    .refine(
      (text) => !/[<>]/.test(text.replace(/<https?:\/\/[^\s<>|]+\|[^<>]*>/g, '')),
      'a raw < or > outside a <url|label> link (Slack needs &lt; and &gt;)',
    );

const plainText = (max: number) =>
  z
    .object({
      type: z.literal('plain_text'),
      text: z.string().min(1).max(max),
      emoji: z.boolean().optional(),
    })
    .strict();

const mrkdwnObject = (max: number) => z.object({ type: z.literal('mrkdwn'), text: mrkdwn(max) }).strict();

const button = z
  .object({
    type: z.literal('button'),
    text: plainText(75),
    action_id: z.string().min(1).max(255),
    url: z.url().max(3000),
    style: z.enum(['primary', 'danger']).optional(),
    value: z.string().max(2000).optional(),
  })
  .strict();

export const slackBlockSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('header'), text: plainText(150), block_id: z.string().max(255).optional() })
    .strict(),
  z
    .object({
      type: z.literal('section'),
      text: mrkdwnObject(3000),
      block_id: z.string().max(255).optional(),
    })
    .strict(),
  z.object({ type: z.literal('context'), elements: z.array(mrkdwnObject(3000)).min(1).max(10) }).strict(),
  z.object({ type: z.literal('actions'), elements: z.array(button).min(1).max(25) }).strict(),
  z.object({ type: z.literal('divider') }).strict(),
]);

/** A Slack incoming-webhook message with blocks and the fallback `text`. */
export const slackMessageSchema = z
  .object({
    text: z.string().min(1),
    blocks: z.array(slackBlockSchema).min(1).max(50),
    unfurl_links: z.boolean().optional(),
    unfurl_media: z.boolean().optional(),
  })
  .strict();

const textBlock = z
  .object({
    type: z.literal('TextBlock'),
    text: z.string().min(1),
    wrap: z.boolean().optional(),
    size: z.enum(['Default', 'Small', 'Medium', 'Large', 'ExtraLarge']).optional(),
    weight: z.enum(['Default', 'Lighter', 'Bolder']).optional(),
    isSubtle: z.boolean().optional(),
    spacing: z.enum(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']).optional(),
  })
  .strict();

const openUrl = z
  .object({ type: z.literal('Action.OpenUrl'), title: z.string().min(1), url: z.url() })
  .strict();

/** A Teams message: the envelope with one Adaptive Card attachment. */
export const teamsMessageSchema = z
  .object({
    type: z.literal('message'),
    attachments: z
      .array(
        z
          .object({
            contentType: z.literal('application/vnd.microsoft.card.adaptive'),
            contentUrl: z.null(),
            content: z
              .object({
                $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
                type: z.literal('AdaptiveCard'),
                version: z.enum(['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']),
                body: z.array(textBlock).min(1),
                actions: z.array(openUrl).optional(),
                msteams: z.object({ width: z.literal('Full') }).optional(),
              })
              .strict(),
          })
          .strict(),
      )
      .length(1),
  })
  .strict();
