import { Api, PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { WritePage } from './pages/WritePage';

test('an admin changes settings, people, units and tokens; the coach follows the settings', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
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
  await expect(page.getByRole('status')).toContainText('/invitations');
  await page.getByLabel('Role of Bo Member').selectOption('viewer');
  await expect(page.getByLabel('Role of Bo Member')).toHaveValue('viewer');
  await page.getByRole('button', { name: 'Deactivate Bo Member' }).click();
  await expect(page.getByRole('button', { name: 'Reactivate Bo Member' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/admin/units');
  await page.getByLabel('Unit name').fill('Platform');
  await page.getByLabel('Parent unit').selectOption({ label: 'Acme' });
  await page.getByRole('button', { name: 'Create unit' }).click();
  await page.getByLabel('Add a lead to Platform').selectOption({ label: 'Ana Admin' });
  await expect(page.getByRole('button', { name: 'Remove Ana Admin as lead of Platform' })).toBeVisible();
  await expect(page.getByLabel('Parent of Platform')).toHaveValue(/.+/);
  await expectAccessible(page);

  await page.goto('/admin/tokens');
  await page.getByLabel('Token name').fill('CI goals lint');
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByRole('status')).toContainText('shown this once');
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
