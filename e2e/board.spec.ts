import { seedTeam } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { MyGoalsPage } from './pages/MyGoalsPage';

test('my SMART goal board: columns by due date, mark done by keyboard and by drag, a stale version shown', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedTeam(tandem);
  const { goals } = seeded;
  const { page } = await signedIn(seeded.bo);
  const board = new MyGoalsPage(page);
  await board.open();

  await expect(page.getByRole('region', { name: /^Objectives/ })).toContainText('The web app feels instant');
  await expect(page.getByRole('region', { name: /^Key results/ })).toContainText(
    'Dashboard shows its data within 1 s',
  );
  await expect(board.column('Due soon').getByRole('listitem', { name: goals.dueSoon.title })).toBeVisible();
  await expect(board.column('Open').getByRole('listitem', { name: goals.open.title })).toBeVisible();
  await expect(board.column('Overdue').getByRole('listitem', { name: goals.overdue.title })).toBeVisible();
  await expect(board.column('Done').getByRole('listitem', { name: goals.done.title })).toBeVisible();
  await expectAccessible(page);

  // Keyboard: Tab to the card's button, Enter.
  const markDone = page.getByRole('button', { name: `Mark done: ${goals.dueSoon.title}` });
  await markDone.focus();
  await page.keyboard.press('Enter');
  await expect(board.column('Done').getByRole('listitem', { name: goals.dueSoon.title })).toBeVisible();
  const saved = await seeded.api.call('GET', `/api/v1/smart-goals/${goals.dueSoon.id}`, undefined, seeded.bo);
  expect(saved.state).toBe('done');

  // Drag: the overdue goal onto Done.
  await board.card(goals.overdue.title).dragTo(board.column('Done'));
  await expect(board.column('Done').getByRole('listitem', { name: goals.overdue.title })).toBeVisible();
  expect(
    (await seeded.api.call('GET', `/api/v1/smart-goals/${goals.overdue.id}`, undefined, seeded.bo)).state,
  ).toBe('done');

  // Someone renames the open goal meanwhile: marking it done shows theirs, then applies mine on top.
  // The live stream would refresh this board with their change before the click; hold the board's
  // list refresh back so the page still has the old version, as when their change lands just after.
  const holdList = (route: import('@playwright/test').Route) =>
    new URL(route.request().url()).pathname === '/api/v1/smart-goals' && route.request().method() === 'GET'
      ? route.abort()
      : route.fallback();
  await page.route('**/api/v1/smart-goals**', holdList);
  const current = await seeded.api.call(
    'GET',
    `/api/v1/smart-goals/${goals.open.id}`,
    undefined,
    seeded.admin,
  );
  await seeded.api.call(
    'PATCH',
    `/api/v1/smart-goals/${goals.open.id}`,
    { version: current.version, title: 'Write the onboarding guide (v2)' },
    seeded.admin,
  );
  await page.getByRole('button', { name: `Mark done: ${goals.open.title}` }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this goal' });
  await expect(alert).toContainText('Write the onboarding guide (v2)');
  await page.unroute('**/api/v1/smart-goals**', holdList);
  await alert.getByRole('button', { name: 'Mark it done anyway' }).click();
  await expect(
    board.column('Done').getByRole('listitem', { name: 'Write the onboarding guide (v2)' }),
  ).toBeVisible();
});
