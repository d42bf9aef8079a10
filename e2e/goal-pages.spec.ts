import { seedTeam } from './api';
import { expect, expectAccessible, test } from './fixtures';

test('goal pages list what is aligned below and who changed what, private goals counted', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedTeam(tandem);
  const nps = seeded.keyResults[0]!;
  const { page } = await signedIn(seeded.cy);

  await page.goto(`/key-results/${nps.id}`);
  const aligned = page.getByRole('region', { name: /^Aligned below/ });
  await expect(aligned.getByRole('link', { name: 'The web app feels instant' })).toBeVisible();
  await expect(aligned.getByRole('link', { name: seeded.goals.open.title })).toBeVisible();

  await page.goto(`/key-results/${seeded.teamKeyResultId}`);
  await expect(page.getByRole('region', { name: /^Aligned below/ })).toContainText(
    '2 private goals you may not see',
  );
  await expect(page.getByText('Private goal one')).toHaveCount(0);

  // Ana renames the team objective; its page says who changed what, and when.
  const objective = await seeded.api.call(
    'GET',
    `/api/v1/objectives/${seeded.teamObjectiveId}`,
    undefined,
    seeded.admin,
  );
  await seeded.api.call(
    'PATCH',
    `/api/v1/objectives/${seeded.teamObjectiveId}`,
    { version: objective.version, title: 'The web app feels instant everywhere' },
    seeded.admin,
  );
  await page.goto(`/objectives/${seeded.teamObjectiveId}`);
  const history = page.getByRole('region', { name: 'Who changed what' });
  await expect(history.getByRole('listitem').first()).toContainText('Ana Admin changed the title');
  await expect(history).toContainText('The web app feels instant → The web app feels instant everywhere');
  await expect(history).toContainText('Ana Admin created it');
  await page.getByText('How was this computed?').click();
  await expect(page.getByText(/So the status is/)).toBeVisible();
  await expectAccessible(page);
});
