import { readFile } from 'node:fs/promises';
import { seedTeam } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';

const SHOTS = process.env.TANDEM_SCREENSHOTS ? '.ci/out/screenshots' : undefined;

test('the dashboard downloads the cycle and unit shown, and every cycle, and the files read back', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedTeam(tandem);
  const { page } = await signedIn(seeded.bo);
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  await expect(dashboard.heading()).toHaveText('Web team');

  await page.getByText('Download', { exact: true }).click();
  const menu = page.getByRole('navigation', { name: 'Download goals' });
  await expect(menu).toBeVisible();
  await expectAccessible(page);
  if (SHOTS) {
    for (const [name, width] of [
      ['desktop', 1280],
      ['phone', 375],
    ] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${SHOTS}/export-menu-${name}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // The unit's part of the cycle, as a spreadsheet: its goals and not the others'.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('link', { name: 'Spreadsheet (CSV)', exact: true }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  const table = await readFile((await csv.path())!, 'utf8');
  expect(table.split('\r\n')[0]).toMatch(/^Type,Key,Objective key,Objective,Title,Team,Owner/);
  expect(table).toContain(seeded.goals.dueSoon.title);

  // Every cycle as a stream of goals files.
  const [yaml] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('link', { name: 'Goals file (YAML), every cycle' }).click(),
  ]);
  expect(yaml.suggestedFilename()).toMatch(/-all-cycles\.yaml$/);
  const stream = await readFile((await yaml.path())!, 'utf8');
  expect(stream).toMatch(/^# Tandem export of .*, every cycle/);
  expect(stream).toMatch(/\n---\n# Cycle .*\n(#.*\n)*version: 1\n/);
});
