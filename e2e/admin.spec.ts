import { mkdirSync } from 'node:fs';
import { Api, PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { WritePage } from './pages/WritePage';

test('an admin changes settings, people, units and tokens; the coach follows the settings', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page, context } = await signedIn(seeded.admin);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: tandem });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('heading', { level: 1, name: 'Workspace settings' }).waitFor();
  await expectAccessible(page);
  await page.getByLabel('Severity of objective-has-metric').selectOption('off');
  await page.getByLabel('Errors block publishing').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // The writing screen lints with the workspace's rules: the rule is off, errors block publishing.
  const write = new WritePage(page);
  await page.goto('/write/objective?title=Make%20onboarding%20effortless%20for%20500%20new%20teams');
  await page.getByRole('radio', { name: /Committed/ }).check();
  await write.fillKeyResult(1, 'Reduce activation rate', {
    type: 'Increase',
    start: '35',
    target: '50',
    unit: '%',
  });
  await expect(write.finding('kr-direction-conflict')).toBeVisible();
  await expect(write.finding('objective-has-metric')).toHaveCount(0);
  await expect(page.getByText(/publishes only goals without errors/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Save draft' })).toBeEnabled();

  await page.goto('/admin/people');
  await page.getByLabel('Email').fill('bo@acme.test');
  await page.getByLabel('Name').fill('Bo Member');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const invitation = page.getByRole('status').filter({ hasText: 'shown this once' });
  await expect(invitation).toContainText('/invitations');
  await invitation.getByRole('button', { name: 'Copy the link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/invitations#tdm_inv_./);
  await page.getByLabel('Role of Bo Member').selectOption('viewer');
  await expect(page.getByLabel('Role of Bo Member')).toHaveValue('viewer');
  await page.getByRole('button', { name: 'Deactivate Bo Member' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate Bo Member' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/admin/units');
  await page.getByLabel('Unit name').fill('Platform');
  await page.getByLabel('Parent unit').selectOption({ label: 'Acme' });
  await page.getByRole('button', { name: 'Create unit' }).click();
  await page.getByLabel('Add a lead to Platform').fill('Nobody Here');
  await page.getByLabel('Add a lead to Platform').press('Enter');
  await expect(page.getByRole('alert')).toContainText('No active person is “Nobody Here”');
  await page.getByLabel('Add a lead to Platform').fill('Ana Admin');
  await page.getByRole('button', { name: 'Add lead to Platform' }).click();
  await expect(page.getByRole('button', { name: 'Remove Ana Admin as lead of Platform' })).toBeVisible();
  await expect(page.getByLabel('Add a lead to Platform')).toHaveValue('');
  await expect(page.getByLabel('Parent of Platform')).toHaveValue(/.+/);
  await expectAccessible(page);

  await page.goto('/admin/tokens');
  await page.getByLabel('Token name').fill('CI goals lint');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = page.getByRole('status').filter({ hasText: 'shown this once' });
  await token.getByRole('button', { name: 'Copy the token' }).click();
  await expect(token).toContainText('Copied to the clipboard.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.length).toBeGreaterThan(20);
  await expect(token).toContainText(copied);
  await page.getByRole('button', { name: 'Revoke CI goals lint' }).click();
  await expect(page.getByRole('button', { name: 'Revoke CI goals lint' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Your tokens' })).toContainText('revoked');
  await expectAccessible(page);
});

test('a member cannot reach the admin screens, and the API refuses them too', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const invited = await seeded.api.call(
    'POST',
    '/api/v1/invitations',
    { email: 'mo@acme.test', name: 'Mo Member', role: 'member' },
    seeded.admin,
  );
  const member = await new Api(tandem).acceptInvitation(invited.token, PASSWORD);
  const { page } = await signedIn(member);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }),
  ).toHaveCount(0);
  for (const screen of ['settings', 'people', 'units', 'tokens']) {
    await page.goto(`/admin/${screen}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Only workspace admins');
  }
  await expectAccessible(page);
  const workspace = await seeded.api.call('GET', '/api/v1/workspace', undefined, member);
  await expect(
    seeded.api.call(
      'PATCH',
      '/api/v1/workspace/settings',
      { version: workspace.version, name: 'Mine' },
      member,
    ),
  ).rejects.toThrow(/403/);
  await expect(seeded.api.call('POST', '/api/v1/units', { name: 'Shadow IT' }, member)).rejects.toThrow(
    /403/,
  );
  await expect(
    seeded.api.call('POST', `/api/v1/people/${seeded.admin.personId}/deactivate`, undefined, member),
  ).rejects.toThrow(/403/);
});

test('a large organisation: people and units are shown a page at a time and found by name', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  // 150 more people and 70 more units than the seed: more than one page of each screen.
  for (let i = 0; i < 150; i++) {
    await seeded.api.call(
      'POST',
      '/api/v1/invitations',
      { email: `person${i}@acme.test`, name: `Person ${String(i).padStart(3, '0')}`, role: 'member' },
      seeded.admin,
    );
  }
  const units = await seeded.api.call('GET', '/api/v1/units', undefined, seeded.admin);
  const company = units.items.find((u: { parentId: string | null }) => u.parentId === null);
  for (let i = 0; i < 70; i++) {
    await seeded.api.call(
      'POST',
      '/api/v1/units',
      { name: `Team ${String(i).padStart(2, '0')}`, parentId: company.id },
      seeded.admin,
    );
  }
  const { page } = await signedIn(seeded.admin);

  await page.goto('/admin/people');
  await expect(page.getByRole('heading', { name: 'Everyone (151)' })).toBeVisible();
  await expect(page.getByText('Showing 100 of 151')).toBeVisible();
  // By name: the admin, then Person 000 to Person 098 on the first page.
  await expect(page.getByLabel('Role of Person 098')).toBeVisible();
  await expect(page.getByLabel('Role of Person 099')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show 51 more' }).click();
  await expect(page.getByLabel('Role of Person 149')).toBeVisible();
  await page.getByLabel('Find someone').fill('person148@ACME');
  await expect(page.getByLabel(/^Role of /)).toHaveCount(1);
  await expect(page.getByLabel('Role of Person 148')).toBeVisible();
  await page.getByLabel('Find someone').fill('nobody at all');
  await expect(page.getByText("Nobody's name or email has “nobody at all” in it.")).toBeVisible();
  await expectAccessible(page);

  await page.goto('/admin/units');
  await expect(page.getByText('Showing 50 of 71 units')).toBeVisible();
  await page.getByLabel('Find a unit').fill('team 69');
  await expect(page.getByLabel(/^Parent of /)).toHaveCount(1);
  // Leads are read per unit on screen; a lead is found among 151 people by name.
  await page.getByLabel('Add a lead to Team 69').fill('Person 042');
  await page.getByLabel('Add a lead to Team 69').press('Enter');
  await expect(page.getByRole('button', { name: 'Remove Person 042 as lead of Team 69' })).toBeVisible();
  await expect(page.getByText('1 member')).toBeVisible();
  await expectAccessible(page);

  // `TANDEM_SCREENSHOTS=1`: both screens at desktop and phone width, a filter typed on units.
  if (process.env.TANDEM_SCREENSHOTS) {
    mkdirSync('.ci/out/screenshots', { recursive: true });
    await page.getByLabel('Find a unit').fill('team 6');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.screenshot({ path: `.ci/out/screenshots/admin-units-many-${width}.png`, fullPage: true });
    }
    await page.goto('/admin/people');
    await page.getByText('Showing 100 of 151').waitFor();
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.screenshot({ path: `.ci/out/screenshots/admin-people-many-${width}.png` });
    }
  }
});
