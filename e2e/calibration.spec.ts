import { Api, PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';

test("calibration: a unit's and one's own; another person's is not reachable, in the app or the API", async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { api, admin } = seeded;
  const invited = await api.call(
    'POST',
    '/api/v1/invitations',
    { email: 'mo@acme.test', name: 'Mo Member', role: 'member' },
    admin,
  );
  const mo = await new Api(tandem).acceptInvitation(invited.token, PASSWORD);
  // Close the quarter, so that calibration has a closed cycle to look back over.
  await api.call(
    'POST',
    `/api/v1/cycles/${seeded.cycleId}/close`,
    {
      notes: seeded.keyResults.map((kr) => ({ goalId: kr.id, rootCauseNote: 'Started late' })),
      decisions: [{ objectiveId: seeded.objectiveId, decision: 'modify', learned: 'Start earlier' }],
    },
    admin,
  );

  const { page } = await signedIn(admin);
  await page.goto('/calibration');
  await page.getByRole('heading', { level: 1, name: 'Calibration' }).waitFor();
  const unit = page.getByRole('region', { name: 'Acme' });
  await expect(unit).toContainText('0 % of 3 met');
  await expect(unit).toContainText('not enough aspirational KRs (0; 3 needed)');
  await expect(unit).toContainText(/Over \d{4}-Q\d\./);
  const own = page.getByRole('region', { name: 'Your own calibration' });
  await expect(own).toContainText('Private: only you');
  await expect(own).toContainText('0 % of 3 met');
  await expectAccessible(page);

  // Mo sees his own calibration, and not Ana's: the page says so, and the API refuses him.
  const { page: moPage } = await signedIn(mo);
  await moPage.goto('/calibration');
  await expect(moPage.getByRole('region', { name: 'Your own calibration' })).toContainText(
    'no committed KR or SMART goal',
  );
  await moPage.goto(`/calibration?person=${admin.personId}`);
  await expect(moPage.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
  await expect(moPage.getByRole('alert')).toContainText("A person's calibration is private.");
  await expect(moPage.getByText('0 % of 3 met')).toHaveCount(0);
  await expectAccessible(moPage);
  await expect(
    api.call('GET', `/api/v1/calibration?person=${admin.personId}`, undefined, mo),
  ).rejects.toThrow(/403/);
  // The admin may read Mo's (SPEC 8), one person at a time.
  await page.goto(`/calibration?person=${mo.personId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Calibration of Mo Member' })).toBeVisible();
});
