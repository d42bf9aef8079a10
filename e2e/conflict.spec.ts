import { seedWorkspace } from './api';
import { expect, test } from './fixtures';

test('editing a title someone else just changed shows both and reapplies mine', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const kr = seeded.keyResults[0]!;
  const { page } = await signedIn(seeded.admin);
  await page.goto(`/key-results/${kr.id}`);
  await expect(page.getByRole('heading', { level: 1, name: kr.title })).toBeVisible();
  await expect(page.getByRole('img', { name: /progress over the cycle/ })).toBeVisible();
  await page.getByRole('button', { name: 'Edit title' }).click();
  await page.getByLabel('Title').fill('NPS from 20 to 60');

  // Meanwhile someone else saves another title.
  const current = await seeded.api.call('GET', `/api/v1/key-results/${kr.id}`, undefined, seeded.admin);
  await seeded.api.call(
    'PATCH',
    `/api/v1/key-results/${kr.id}`,
    { version: current.version, title: 'NPS to 45' },
    seeded.admin,
  );

  await page.getByRole('button', { name: 'Save' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Someone else changed this');
  await expect(alert).toContainText('NPS to 45');
  await page.getByRole('button', { name: 'Save mine again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NPS from 20 to 60' })).toBeVisible();
  const after = await seeded.api.call('GET', `/api/v1/key-results/${kr.id}`, undefined, seeded.admin);
  expect(after.title).toBe('NPS from 20 to 60');
});
