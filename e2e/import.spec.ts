import { PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';

const SHOTS = process.env.TANDEM_SCREENSHOTS ? '.ci/out/screenshots' : undefined;

const HEADER = 'Objective,Key Result,Owner,Team,Start,Target';
const csv = (target: string) =>
  [
    HEADER,
    `Imports are painless,Teams import 12 spreadsheets,ana@acme.test,Acme,0,${target}`,
    ',Import errors drop from 20 to 2,ana@acme.test,,20,2',
    '',
  ].join('\n');
const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an import previews a messy CSV with its bad row, then imports the fixed one onto the dashboard', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  const dashboard = new DashboardPage(page);
  await dashboard.open();
  if (SHOTS) await shots(page, 'import-dashboard-link');
  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import goals');

  // A target that is not a number: the problem with its row and column, and no plain Import (only
  // the choice to skip the bad row).
  const input = page.getByLabel('Files to import');
  await input.setInputFiles(file('okrs.csv', csv('twelve')));
  const problems = page.getByRole('table');
  await expect(page.getByRole('heading', { name: '1 row has problems' })).toBeVisible();
  const row = problems.getByRole('row').filter({ hasText: '"twelve" is not a number' });
  await expect(row.getByRole('cell')).toHaveText(['okrs.csv', '2', '6', /"twelve" is not a number/]);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import the 2 valid goals, skip 1 row' })).toBeVisible();
  await expectAccessible(page);
  if (SHOTS) await shots(page, 'import-problems');

  // The fixed file: a preview of what is created, and nothing written yet.
  await input.setInputFiles(file('okrs.csv', csv('12')));
  const creates = page.getByRole('region', { name: 'Would be created' });
  await expect(creates).toContainText('Imports are painless');
  await expect(creates).toContainText('Teams import 12 spreadsheets');
  await expect(creates).toContainText('Import errors drop from 20 to 2');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectAccessible(page);
  if (SHOTS) await shots(page, 'import-preview');
  const before = await seeded.api.call(
    'GET',
    `/api/v1/objectives?cycle=${seeded.cycleId}`,
    undefined,
    seeded.admin,
  );
  expect(before.items.map((o: { title: string }) => o.title)).not.toContain('Imports are painless');

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const done = page.getByRole('region', { name: /^Imported/ });
  await expect(done).toBeVisible();
  await expect(done.getByRole('region', { name: 'Created' })).toContainText('Teams import 12 spreadsheets');
  await expectAccessible(page);
  if (SHOTS) await shots(page, 'import-done');
  await done.getByRole('link', { name: 'See the goals on the dashboard' }).click();
  await expect(dashboard.keyResult('Teams import 12 spreadsheets')).toBeVisible();
  await expect(dashboard.keyResult('Import errors drop from 20 to 2')).toBeVisible();

  // The same file again changes nothing.
  await page.goto('/import');
  await page.getByLabel('Files to import').setInputFiles(file('okrs.csv', csv('12')));
  await expect(page.getByRole('region', { name: 'Left alone' })).toContainText(
    'Teams import 12 spreadsheets',
  );
  await expect(page.getByRole('region', { name: 'Would be created' })).toHaveCount(0);

  // A changed target: an update, with its change named.
  await page.getByLabel('Files to import').setInputFiles(file('okrs.csv', csv('15')));
  const updates = page.getByRole('region', { name: 'Would be updated' });
  await expect(
    updates.getByRole('listitem').filter({ hasText: 'Teams import 12 spreadsheets' }),
  ).toContainText(/Changes: .*measure/);
  if (SHOTS) await shots(page, 'import-update');
});

test('a sheet with bad rows: import the valid goals and skip the rows listed with file, row, column and reason', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  await page.goto('/import');
  const sheet = [
    HEADER,
    'Support is calm,Cut first reply time from 30 to 8 hours,ana@acme.test,Acme,30,8',
    ',Raise CSAT from 80 to 95,ana@acme.test,,80,ninety-five',
    'Moon base,Land on the moon,nobody@acme.test,Acme,0,1',
    '',
  ].join('\n');
  await page.getByLabel('Files to import').setInputFiles(file('mixed.csv', sheet));
  await expect(page.getByRole('heading', { name: '2 rows have problems' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: 'ninety-five' }).getByRole('cell')).toHaveText([
    'mixed.csv',
    '3',
    '6',
    /Raise CSAT from 80 to 95.*"ninety-five" is not a number/,
  ]);
  await expect(table.getByRole('row').filter({ hasText: 'nobody@acme.test' }).getByRole('cell')).toHaveText([
    'mixed.csv',
    '4',
    '3',
    /no person nobody@acme\.test/,
  ]);
  // What the import does without them: the valid objective and KR, and the moon base objective
  // (its own cells are fine; its one KR names an unknown owner).
  const creates = page.getByRole('region', { name: 'Would be created' });
  await expect(creates).toContainText('Cut first reply time from 30 to 8 hours');
  await expect(creates).not.toContainText('Raise CSAT');
  await expectAccessible(page);
  if (SHOTS) await shots(page, 'import-skip-choice');

  await page.getByRole('button', { name: 'Import the 3 valid goals, skip 2 rows' }).click();
  const done = page.getByRole('region', { name: /^Imported/ });
  await expect(done).toBeVisible();
  const skipped = done.getByRole('region', { name: /^Skipped/ });
  await expect(skipped).toContainText('"ninety-five" is not a number');
  await expect(skipped).toContainText('no person nobody@acme.test');
  await expectAccessible(page);
  if (SHOTS) await shots(page, 'import-skip-done');
  const objectives = await seeded.api.call(
    'GET',
    `/api/v1/objectives?cycle=${seeded.cycleId}`,
    undefined,
    seeded.admin,
  );
  const krs = objectives.items.flatMap((o: { keyResults: { title: string }[] }) =>
    o.keyResults.map((k) => k.title),
  );
  expect(krs).toContain('Cut first reply time from 30 to 8 hours');
  expect(krs).not.toContain('Raise CSAT from 80 to 95');
  expect(krs).not.toContain('Land on the moon');
});

test('a viewer may not import', async ({ tandem, signedIn }) => {
  const seeded = await seedWorkspace(tandem);
  const invitation = await seeded.api.call(
    'POST',
    '/api/v1/invitations',
    { email: 'vi@acme.test', name: 'Vi Viewer', role: 'viewer' },
    seeded.admin,
  );
  const viewer = await seeded.api.acceptInvitation(new URL(invitation.url).hash.slice(1), PASSWORD);
  const { page } = await signedIn(viewer);
  await page.goto('/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
  await expect(page.getByLabel('Files to import')).toHaveCount(0);
});

async function shots(page: import('@playwright/test').Page, name: string) {
  for (const [size, width] of [
    ['desktop', 1280],
    ['phone', 375],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
