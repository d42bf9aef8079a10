import { PASSWORD } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';

test('a new user signs up, creates the workspace and starts the first quarter', async ({ page, tandem }) => {
  await page.goto('/');
  const signUp = new SignUpPage(page);
  // A fresh install sends the first visitor to sign-up.
  await expect(signUp.heading()).toBeVisible();
  await expectAccessible(page);
  await signUp.createWorkspace({
    name: 'Maria Lopez',
    email: 'maria@acme.test',
    password: PASSWORD,
    workspace: 'Acme Robotics',
    fiscalYearStart: 'April',
    timeZone: 'Europe/Berlin',
    checkInDay: 'Tuesday',
  });
  const dashboard = new DashboardPage(page);
  await expect(dashboard.heading()).toHaveText('Company dashboard');
  await expect(page.getByText('No cycle yet')).toBeVisible();
  await expect(page.getByText('Maria Lopez · Acme Robotics')).toBeVisible();

  // The settings chosen on the form were saved.
  const workspace = await page.evaluate(async () => (await fetch('/api/v1/workspace')).json());
  expect(workspace.settings).toMatchObject({
    fiscalYearStartMonth: 4,
    timeZone: 'Europe/Berlin',
    checkinDay: 2,
  });

  // The first quarter is named by core/cycle with the fiscal year just chosen (FY... for an April start).
  const start = page.getByRole('button', { name: /^Start FY\d{4}-Q[1-4]$/ });
  await start.click();
  await expect(page.getByRole('heading', { name: 'Company objectives' })).toBeVisible();
  await expect(page.getByLabel('Cycle')).toContainText(/FY\d{4}-Q[1-4] \(active\)/);
  await expectAccessible(page);

  // Sign out, and back in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Tandem' })).toBeVisible();
  await expectAccessible(page);
  await new SignInPage(page).signIn('maria@acme.test', 'wrong password!!');
  await expect(page.getByRole('alert')).toContainText(/password/i);
  await new SignInPage(page).signIn('maria@acme.test', PASSWORD);
  await expect(dashboard.heading()).toHaveText('Company dashboard');

  // Navigating moves focus to the new screen's heading.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Check in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check in' })).toBeFocused();
  await expect(page.getByText(/Nothing is due/)).toBeVisible();
  expect(tandem).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});
