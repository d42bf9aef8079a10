import { PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';

test('an invited person opens the link, chooses a password and lands on the dashboard', async ({
  page,
  tandem,
}) => {
  const seeded = await seedWorkspace(tandem);
  const invitation = await seeded.api.call(
    'POST',
    '/api/v1/invitations',
    { email: 'bo@acme.test', name: 'Bo Member', role: 'member' },
    seeded.admin,
  );
  // The server's link is <public URL>/invitations#<token>: open its path and fragment here.
  const link = new URL(invitation.url);
  expect(link.pathname).toBe('/invitations');
  await page.goto(`${link.pathname}${link.hash}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accept your invitation' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Join the workspace' }).click();
  await expect(page.getByText(/at least 10 characters/).last()).toBeVisible();
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join the workspace' }).click();
  const dashboard = new DashboardPage(page);
  await expect(dashboard.heading()).toHaveText('Company dashboard');
  await expect(page.getByText('Bo Member · Acme')).toBeVisible();
  // The token is gone from the address bar.
  expect(new URL(page.url()).hash).toBe('');
});
