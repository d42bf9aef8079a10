import { seedTeam } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';

test('the dashboard opens on my unit, keeps its filters in the URL, and its heatmap links to a unit', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedTeam(tandem);
  const { page } = await signedIn(seeded.bo);
  const dashboard = new DashboardPage(page);

  // No filter in the URL: Bo's own unit.
  await dashboard.open();
  await expect(dashboard.heading()).toHaveText('Web team');
  await expect(dashboard.filter('Unit')).toHaveValue(seeded.teamId);
  const smart = page.getByRole('region', { name: /SMART goals/ });
  await expect(smart.getByRole('link', { name: seeded.goals.dueSoon.title })).toBeVisible();

  // A status filter goes into the URL and survives a reload.
  await dashboard.filter('Status').selectOption('overdue');
  await expect(page).toHaveURL(/status=overdue/);
  await expect(smart.getByRole('link', { name: seeded.goals.overdue.title })).toBeVisible();
  await expect(smart.getByRole('link', { name: seeded.goals.dueSoon.title })).toHaveCount(0);
  await page.reload();
  await expect(dashboard.filter('Status')).toHaveValue('overdue');
  await expect(smart.getByRole('link', { name: seeded.goals.overdue.title })).toBeVisible();
  await expectAccessible(page);

  // The whole company, named in the URL; counts, sparklines (with words) and the heatmap.
  await dashboard.filter('Status').selectOption('');
  await dashboard.filter('Unit').selectOption('Whole company');
  await expect(page).toHaveURL(/unit=all/);
  await expect(dashboard.heading()).toHaveText('Company dashboard');
  await expect(dashboard.statusCount('Stale')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Score/ }).first()).toBeVisible();
  const heatmap = page.getByRole('table', { name: /Check-in compliance/ });
  await expect(heatmap.getByRole('columnheader').first()).toHaveText('Unit');
  await expectAccessible(page);
  await heatmap
    .getByRole('link', { name: /^Web team, week of/ })
    .first()
    .click();
  await expect(dashboard.heading()).toHaveText('Web team');
  await expect(page).toHaveURL(new RegExp(`unit=${seeded.teamId}`));
});
