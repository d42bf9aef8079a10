import { seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';

test('close a cycle: refused while committed KRs lack a root cause, progress kept, then closed', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Close-out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Close out a cycle' }).waitFor();
  const objective = page.getByRole('region', { name: 'Customers love the product' });
  // Each grade with the score behind it: NPS 20 -> 22 of 50 is 0.07, a committed miss.
  await expect(
    objective
      .getByRole('listitem')
      .filter({ hasText: 'NPS from 20 to 50' })
      .getByText('grade 0.1 from score 0.07 · missed'),
  ).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Close the cycle' }).click();
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Not closed: 4 item(s)');
  await expect(refusal).toContainText('committed KR "NPS from 20 to 50" is below 1.0: give the root cause');
  await expect(refusal).toContainText('"Customers love the product" needs a decision and what was learned');

  for (const kr of seeded.keyResults)
    await page.getByLabel(`Root cause of “${kr.title}” (required)`).fill(`We started ${kr.title} too late`);
  await objective.getByRole('radio', { name: 'Drop' }).check();
  // Progress is kept in the browser: a reload keeps what was written.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Close out a cycle' }).waitFor();
  await expect(page.getByLabel(`Root cause of “${seeded.keyResults[0]!.title}” (required)`)).toHaveValue(
    `We started ${seeded.keyResults[0]!.title} too late`,
  );
  await page
    .getByLabel('What we learned from “Customers love the product”')
    .fill('Start the survey in week one');
  await expect(page.getByText('Nothing missing here.')).toBeVisible();
  await page.getByRole('button', { name: 'Close the cycle' }).click();
  await expect(page.getByRole('status')).toHaveText(/The cycle is closed/);
  const cycle = await seeded.api.call('GET', `/api/v1/cycles/${seeded.cycleId}`, undefined, seeded.admin);
  expect(cycle.state).toBe('closed');
});
