import { seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { CheckInPage } from './pages/CheckInPage';
import { DashboardPage } from './pages/DashboardPage';

test('checking in on several goals from the keyboard updates another browser’s dashboard live', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const [nps, churn, onboarding] = seeded.keyResults.map((kr) => kr.title) as [string, string, string];

  // A second browser (its own context, so its own live connection) watches the dashboard.
  const watcher = await signedIn(seeded.admin);
  const dashboard = new DashboardPage(watcher.page);
  await dashboard.open();
  await expect(dashboard.heading()).toHaveText('Company dashboard');
  await expect(dashboard.keyResult(nps)).toContainText('7%');
  await expect(watcher.page.getByText('Live', { exact: true })).toBeVisible();
  await expectAccessible(watcher.page);

  const person = await signedIn(seeded.admin);
  const checkIn = new CheckInPage(person.page);
  await checkIn.open();
  await expect(checkIn.value(nps)).toHaveValue('22');
  await expect(checkIn.value(churn)).toHaveValue('4.8');
  await expectAccessible(person.page);

  // Keyboard only: value, Tab to confidence (a digit picks it), Tab to the note, Enter to the next goal.
  // Rows come in the server's order (GET /check-ins/due: due first, then by objective and title).
  await checkIn.value(churn).focus();
  await checkIn.type('4');
  await checkIn.press('Tab');
  await checkIn.type('5');
  await checkIn.press('Tab');
  await checkIn.press('Enter');
  await expect(checkIn.value(nps)).toBeFocused();
  await checkIn.type('35');
  await checkIn.press('Tab');
  await checkIn.type('8');
  await checkIn.press('Tab');
  await checkIn.type('Survey after the new onboarding');
  await checkIn.press('Enter');
  // A number goal costs three moving keys: Tab, Tab, Enter.
  expect(checkIn.extraKeys).toBe(6);
  // The milestone goal: its first checkbox has focus; Space ticks, Tab moves.
  await expect(person.page.getByRole('checkbox', { name: 'Design' })).toBeFocused();
  await checkIn.press('Tab');
  await checkIn.type(' ');
  await checkIn.press('Tab');
  await checkIn.press('Tab');
  await checkIn.type('7');
  await checkIn.press('Tab');
  await checkIn.press('Enter');
  await expect(checkIn.submit()).toBeFocused();
  // Timestamps, in the watcher's own page, of the moment the new score is on screen.
  await watcher.page.evaluate((title) => {
    const w = window as unknown as { updatedAt?: number };
    new MutationObserver(() => {
      const hit = [...document.querySelectorAll('li')].some(
        (li) => li.textContent?.includes(title) && li.textContent.includes('50%'),
      );
      if (hit && w.updatedAt === undefined) w.updatedAt = Date.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, nps);
  const saved = person.page.waitForResponse(/\/api\/v1\/check-ins\/batch$/).then(() => Date.now());
  await checkIn.press('Enter');
  const savedAt = await saved;

  await expect(person.page.getByRole('heading', { level: 1, name: 'Checked in' })).toBeVisible();
  await expect(person.page.getByRole('status')).toHaveText('Saved 3 check-ins.');
  await expectAccessible(person.page);

  // The watcher's dashboard follows without a reload: NPS 35 of 20 -> 50 is 50 %. Watched every
  // 25 ms (not on animation frames, which a background page does not get), so the figure is
  // the real lag rather than Playwright's polling interval.
  await watcher.page.waitForFunction(
    (title) =>
      [...document.querySelectorAll('li')].some(
        (li) => li.textContent?.includes(title) && li.textContent.includes('50%'),
      ),
    nps,
    { polling: 25, timeout: 5_000 },
  );
  const updatedAt = await watcher.page.evaluate(() => (window as unknown as { updatedAt: number }).updatedAt);
  console.log(`live update on the other browser's screen ${updatedAt - savedAt} ms after the batch answered`);
  expect(updatedAt - savedAt).toBeLessThan(1_000);
  await expect(dashboard.keyResult(onboarding)).toContainText('67%');

  // The milestone goal adds a Tab per checkbox passed; then one Enter submits.
  console.log(`keystrokes beyond typed values: ${checkIn.extraKeys} for 3 goals`);
  expect(checkIn.extraKeys).toBe(12);

  // What was sent is stored: the note and confidence of the first goal.
  const history = await seeded.api.call(
    'GET',
    `/api/v1/check-ins?goalType=key_result&goalId=${seeded.keyResults[0]!.id}`,
    undefined,
    seeded.admin,
  );
  expect(history.items.at(-1)).toMatchObject({
    value: 35,
    confidence: 8,
    note: 'Survey after the new onboarding',
  });
});

test('a batch with one bad row saves nothing and shows the error on that row', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const [nps, churn] = seeded.keyResults.map((kr) => kr.title) as [string, string];
  const person = await signedIn(seeded.admin);
  const checkIn = new CheckInPage(person.page);
  await checkIn.open();
  await checkIn.value(nps).fill('30');
  await checkIn.value(churn).fill('lots');
  await checkIn.submit().click();
  const churnRow = person.page.getByRole('group', { name: churn });
  await expect(churnRow.getByRole('alert')).toBeVisible();
  const history = await seeded.api.call(
    'GET',
    `/api/v1/check-ins?goalType=key_result&goalId=${seeded.keyResults[0]!.id}`,
    undefined,
    seeded.admin,
  );
  expect(history.items).toHaveLength(1);
});
