import { mkdirSync } from 'node:fs';
import { verifyStandardWebhook, WebhookReceiver } from '../server/test/webhook-receiver';
import { Api, PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';

const OUT = '.ci/out/screenshots';

test.describe('webhooks admin', () => {
  // This server sends webhooks, and may reach the receiver on loopback.
  test.use({ tandemEnv: { TANDEM_WEBHOOKS: 'on', TANDEM_OUTBOUND_ALLOW: '127.0.0.0/8' } });

  test('an admin adds a webhook, sees its secret once, sends a test, reads the log, retries, edits and deletes it', async ({
    tandem,
    signedIn,
  }) => {
    const receiver = new WebhookReceiver();
    await receiver.start();
    try {
      const seeded = await seedWorkspace(tandem);
      const { page, context } = await signedIn(seeded.admin);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tandem });
      await page.goto('/admin');
      await page
        .getByRole('navigation', { name: 'Administration' })
        .getByRole('link', { name: 'Webhooks' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
      await expect(page.getByText('No webhook yet.')).toBeVisible();
      await expectAccessible(page);

      await page.getByLabel('Endpoint URL').fill(`${receiver.url}/tandem`);
      await page.getByLabel('Every event (including kinds added later)').uncheck();
      await page.getByLabel('All cycle events').check();
      await page.getByLabel('Key results: checked in').check();
      await page.getByLabel('Description').fill('CRM sync');
      await page.getByLabel('Description').press('Enter');
      const shown = page.getByRole('status').filter({ hasText: 'shown this once' });
      await expect(shown).toBeVisible();
      const secret = (await shown.locator('.font-mono').textContent())!;
      expect(secret).toMatch(/^whsec_/);
      await shown.getByRole('button', { name: 'Copy the secret' }).click();
      await expect(shown).toContainText('Copied to the clipboard.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await shown.getByRole('button', { name: 'I have stored it' }).click();
      await expect(page.getByText(secret)).toHaveCount(0);

      const card = page.getByRole('listitem', { name: 'Webhook CRM sync' });
      await expect(card).toContainText('Receives key result checked in, all cycle events.');
      await expect(card).toContainText('enabled');

      // "Send test": a signed webhook.test reaches the receiver, and the log says delivered, 200.
      await card.getByRole('button', { name: 'Send test to CRM sync' }).click();
      await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(1);
      expect(verifyStandardWebhook(secret, receiver.requests[0]!)).toBe(true);
      expect(receiver.payloads()[0].type).toBe('webhook.test');
      const log = card.getByRole('region', { name: 'Deliveries of CRM sync' });
      await expect(async () => {
        await log.getByRole('button', { name: 'Refresh' }).click();
        await expect(log.getByRole('row', { name: /webhook\.test/ })).toContainText('delivered', {
          timeout: 1000,
        });
      }).toPass({ timeout: 15_000 });
      const row = log.getByRole('row', { name: /webhook\.test/ });
      await expect(row.getByRole('cell').nth(2)).toHaveText('1');
      await expect(row.getByRole('cell').nth(3)).toHaveText('200');
      await expectAccessible(page);
      if (process.env.TANDEM_SCREENSHOTS) {
        mkdirSync(OUT, { recursive: true });
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
          await page.screenshot({ path: `${OUT}/admin-webhooks-${width}.png`, fullPage: true });
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      }

      // Retry sends the same message (the same webhook-id) again.
      await row.getByRole('button', { name: 'Retry webhook.test' }).click();
      await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(2);
      expect(receiver.requests[1]!.headers['webhook-id']).toBe(receiver.requests[0]!.headers['webhook-id']);

      // Rotating shows a new secret once; the next message is signed with it.
      await card.getByRole('button', { name: 'Rotate secret of CRM sync' }).click();
      const rotated = page.getByRole('status').filter({ hasText: 'shown this once' });
      await expect(rotated).toBeVisible();
      const newSecret = (await rotated.locator('.font-mono').textContent())!;
      expect(newSecret).not.toBe(secret);
      await card.getByRole('button', { name: 'Send test to CRM sync' }).click();
      await expect.poll(() => receiver.requests.length, { timeout: 15_000 }).toBe(3);
      expect(verifyStandardWebhook(newSecret, receiver.requests[2]!)).toBe(true);

      // Disable, edit (submitted with Enter), delete.
      await card.getByRole('button', { name: 'Disable CRM sync' }).click();
      await expect(card).toContainText('disabled');
      await expect(card.getByRole('button', { name: 'Send test to CRM sync' })).toBeDisabled();
      await card.getByRole('button', { name: 'Edit CRM sync' }).click();
      await card.getByLabel('Description').fill('CRM');
      await card.getByLabel('Description').press('Enter');
      const renamed = page.getByRole('listitem', { name: 'Webhook CRM' });
      await expect(renamed).toContainText('Saved.');
      await renamed.getByRole('button', { name: 'Delete CRM' }).click();
      await renamed.getByRole('button', { name: 'Yes, delete CRM' }).click();
      await expect(page.getByText('No webhook yet.')).toBeVisible();
      const left = await seeded.api.call('GET', '/api/v1/webhooks', undefined, seeded.admin);
      expect(left.items).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });
});

test('a member cannot reach the webhooks screen, and the API refuses them', async ({ tandem, signedIn }) => {
  const seeded = await seedWorkspace(tandem);
  const invited = await seeded.api.call(
    'POST',
    '/api/v1/invitations',
    { email: 'mo@acme.test', name: 'Mo Member', role: 'member' },
    seeded.admin,
  );
  const member = await new Api(tandem).acceptInvitation(invited.token, PASSWORD);
  const { page } = await signedIn(member);
  await page.goto('/admin/webhooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(page.getByLabel('Endpoint URL')).toHaveCount(0);
  await expectAccessible(page);
  await expect(seeded.api.call('GET', '/api/v1/webhooks', undefined, member)).rejects.toThrow(/403/);
  await expect(
    seeded.api.call('POST', '/api/v1/webhooks', { url: 'https://hooks.example.com/' }, member),
  ).rejects.toThrow(/403/);
});
