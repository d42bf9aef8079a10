import { mkdirSync } from 'node:fs';
import { WebhookReceiver } from '../server/test/webhook-receiver';
import { Api, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';

// A person pauses their reminders and makes a calendar feed from the user menu; an admin adds a
// Slack webhook (pointed at a real receiver on loopback), sends it a test, reads the notification
// log and deletes the webhook. With TANDEM_SCREENSHOTS=1 the three screens are also photographed
// at 1280 and 375 px into .ci/out/screenshots.

const OUT = '.ci/out/screenshots';

test('pause reminders, a calendar feed, a Slack webhook with its test, and the log', async ({
  tandem,
  signedIn,
}) => {
  const receiver = new WebhookReceiver();
  const receiverUrl = await receiver.start();
  try {
    const seeded = await seedWorkspace(tandem);
    const api = new Api(tandem);
    const { page } = await signedIn(seeded.admin);
    await page.goto('/');
    // The user menu (the name in the header) opens onto the person's own settings.
    await page.getByRole('button', { name: /Ana Admin · Acme/ }).click();
    await page.getByRole('link', { name: 'My notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'My notifications' }).waitFor();
    await expectAccessible(page);

    // Away for two weeks.
    const back = new Date(Date.now() + 14 * 86_400_000);
    const value = `${back.getFullYear()}-${String(back.getMonth() + 1).padStart(2, '0')}-${String(back.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Away until').fill(value);
    await page.getByRole('button', { name: 'Pause reminders' }).click();
    await expect(page.getByRole('status')).toContainText('Paused until');
    await expect(page.getByText(/Paused until .*nothing is sent to you/)).toBeVisible();
    const stored = await api.call('GET', '/api/v1/people/me/notifications', undefined, seeded.admin);
    expect(stored.pausedUntil).toBe(new Date(back.getFullYear(), back.getMonth(), back.getDate()).getTime());
    await expect(page.getByRole('button', { name: 'Resume now' })).toBeVisible();

    // The calendar feed: its address once, then revoked.
    await page.getByRole('button', { name: 'Create calendar feed' }).click();
    const url = (await page.getByTestId('calendar-url').textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/calendar\/.+\.ics$/);
    // The server's public URL is its configured one (port 0 here): read the feed at this server.
    const feed = new URL(new URL(url).pathname, tandem).href;
    expect((await fetch(feed)).status).toBe(200);
    if (process.env.TANDEM_SCREENSHOTS) {
      mkdirSync(OUT, { recursive: true });
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        await page.screenshot({ path: `${OUT}/my-notifications-${width}.png`, fullPage: true });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    await page.getByRole('button', { name: 'Revoke calendar feed' }).click();
    await expect(page.getByRole('status')).toContainText('revoked');
    expect((await fetch(feed)).status).toBe(404);

    // The admin adds a Slack webhook for the workspace and sends it a test.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Slack and Teams' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Slack and Teams' }).waitFor();
    await page.getByLabel('Kind').selectOption('slack');
    await page.getByLabel('Webhook URL').fill(`${receiverUrl}/services/T000/B000/secretpart`);
    await page.getByLabel('Description').fill('#platform');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.getByRole('status')).toContainText('Slack webhook added');
    // Masked: the host and the last four characters, never the secret path.
    await expect(page.getByText(/…part$/)).toBeVisible();
    await expect(page.getByText('secretpart')).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send a test to Slack #platform' }).click();
    await expect(page.getByRole('status')).toContainText('Slack took the test message (200)');
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.path).toBe('/services/T000/B000/secretpart');
    const payload = JSON.parse(receiver.requests[0]!.body) as { blocks: { type: string }[] };
    expect(payload.blocks[0]!.type).toBe('header');
    if (process.env.TANDEM_SCREENSHOTS)
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        await page.screenshot({ path: `${OUT}/admin-chat-webhooks-${width}.png`, fullPage: true });
      }
    await page.setViewportSize({ width: 1280, height: 900 });

    // The log: without SMTP the test email is refused with the reason, and nothing is listed as sent.
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Notifications' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await expect(page.getByText(/Nothing sent yet/)).toBeVisible();
    await page.getByRole('button', { name: 'Send test email' }).click();
    await expect(page.getByRole('alert')).toContainText('email is not set up');
    await expectAccessible(page);
    if (process.env.TANDEM_SCREENSHOTS)
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
        await page.screenshot({ path: `${OUT}/admin-notifications-${width}.png`, fullPage: true });
      }
    await page.setViewportSize({ width: 1280, height: 900 });

    // Deleting the webhook (after confirming) removes it.
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Slack and Teams' })
      .click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete Slack #platform' }).click();
    await expect(page.getByText('No Slack or Teams webhook yet.')).toBeVisible();
  } finally {
    await receiver.stop();
  }
});
