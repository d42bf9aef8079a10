import { seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { CheckInPage } from './pages/CheckInPage';

test('the check-in screen lists what the server says is due first, and keeps goals done this period', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const day = 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  // A SMART goal never checked in: due now. The three seeded KRs were checked in today: done.
  const goal = await seeded.api.call(
    'POST',
    '/api/v1/smart-goals',
    {
      cycleId: seeded.cycleId,
      title: 'Answer support tickets within 4 hours',
      ownerId: seeded.admin.personId,
      measure: { type: 'at_most', threshold: 4, unit: 'h' },
      startDate: iso(Date.now() - day),
      dueDate: iso(Date.now() + 20 * day),
    },
    seeded.admin,
  );
  // The NPS KR's last check-in had a note and confidence: both are shown again.
  await seeded.api.call(
    'POST',
    '/api/v1/check-ins',
    {
      goalType: 'key_result',
      goalId: seeded.keyResults[0]!.id,
      value: 24,
      confidence: 6,
      note: 'Two big accounts answered',
    },
    seeded.admin,
  );
  const { page } = await signedIn(seeded.admin);
  const checkIn = new CheckInPage(page);
  await checkIn.open();
  await expect(page.getByText('due now')).toContainText('1 due now · 3 done this period');
  const rows = page.getByRole('group', { name: /./ });
  await expect(rows.first()).toHaveAccessibleName('Answer support tickets within 4 hours');
  const nps = page.getByRole('group', { name: /NPS from 20 to 50/ });
  await expect(nps).toHaveAccessibleName(/done this period/);
  await expect(checkIn.value('NPS from 20 to 50')).toHaveValue('24');
  await expect(nps.getByRole('radio', { name: /^6 \(/ })).toBeChecked();
  await expect(nps.getByText('“Two big accounts answered”')).toBeVisible();
  // Only the due goal is sent while the done ones are left as they were.
  await expect(checkIn.submit()).toHaveText('Check in on 1 goal');
  await expectAccessible(page);

  await checkIn.value('Answer support tickets within 4 hours').fill('3.5');
  const batch = page.waitForRequest(/\/api\/v1\/check-ins\/batch$/);
  await checkIn.submit().click();
  expect((await batch).postDataJSON().items).toEqual([
    { goalType: 'smart_goal', goalId: goal.id, value: 3.5 },
  ]);
  await expect(page.getByRole('status')).toHaveText('Saved 1 check-in.');
  const before = page.getByRole('region', { name: 'Already done this period' });
  await expect(before.getByRole('listitem')).toHaveCount(3);
  await expect(before).toContainText('NPS from 20 to 50: 24');

  // Back on the screen, the SMART goal is done too: nothing left due.
  await page.getByRole('button', { name: 'Check in again' }).click();
  await expect(page.getByText('due now')).toContainText('0 due now · 4 done this period');
  // Nothing to send: the button says so rather than "Check in on 0 goals".
  await expect(page.getByRole('button', { name: 'All checked in' })).toBeDisabled();
  await checkIn.value('NPS from 20 to 50').fill('30');
  await expect(checkIn.submit()).toHaveText('Check in on 1 goal');
});
