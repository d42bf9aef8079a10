import { mkdirSync } from 'node:fs';
import { seedTeam } from './api';
import { test } from './fixtures';
import { CheckInPage } from './pages/CheckInPage';
import { DashboardPage } from './pages/DashboardPage';

// `TANDEM_SCREENSHOTS=1 npm run test:e2e -- screenshots`: each screen at 1280 and 375 px into
// .ci/out/screenshots (the README's dashboard picture is copied from there to docs/screenshots/).
test.skip(!process.env.TANDEM_SCREENSHOTS, 'screenshots are taken on demand (TANDEM_SCREENSHOTS=1)');

const OUT = '.ci/out/screenshots';

test('screenshots of each screen at desktop and phone width', async ({ tandem, signedIn, browser }) => {
  test.setTimeout(240_000);
  mkdirSync(OUT, { recursive: true });
  const seeded = await seedTeam(tandem);
  const { page } = await signedIn(seeded.admin);
  const { page: bo } = await signedIn(seeded.bo);
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    const dashboard = new DashboardPage(page);
    await dashboard.open();
    await page.getByRole('heading', { name: 'Company objectives' }).waitFor();
    await page.screenshot({ path: `${OUT}/dashboard-${width}.png`, fullPage: true });
    const checkIn = new CheckInPage(page);
    await checkIn.open();
    await checkIn.value(seeded.keyResults[0]!.title).waitFor();
    await page.screenshot({ path: `${OUT}/check-in-${width}.png`, fullPage: true });
    await page.goto(`/key-results/${seeded.keyResults[0]!.id}`);
    await page.getByRole('img', { name: /progress over the cycle/ }).waitFor();
    await page.screenshot({ path: `${OUT}/key-result-${width}.png`, fullPage: true });
    await page.goto(`/objectives/${seeded.objectiveId}`);
    await page.getByRole('heading', { name: 'Key results' }).waitFor();
    await page.screenshot({ path: `${OUT}/objective-${width}.png`, fullPage: true });
    await page.goto('/alignment');
    const tree = page.getByRole('tree');
    await tree.getByRole('treeitem').first().focus();
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press('ArrowRight');
      await tree.getByRole('treeitem', { name: 'Loading…' }).waitFor({ state: 'detached' });
    }
    await tree.getByRole('treeitem', { name: /Dashboard shows its data/ }).waitFor();
    await page.screenshot({ path: `${OUT}/alignment-${width}.png`, fullPage: true });
    await bo.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await bo.goto('/goals');
    await bo.getByRole('listitem', { name: seeded.goals.overdue.title }).waitFor();
    await bo.screenshot({ path: `${OUT}/my-goals-${width}.png`, fullPage: true });
    await page.goto(`/?unit=${seeded.teamId}`);
    await page.getByRole('heading', { level: 1, name: 'Web team' }).waitFor();
    await page.getByRole('table', { name: /Check-in compliance/ }).waitFor();
    await page.screenshot({ path: `${OUT}/unit-dashboard-${width}.png`, fullPage: true });
  }
  const anonymous = await browser.newContext({ baseURL: tandem, viewport: { width: 375, height: 812 } });
  const signIn = await anonymous.newPage();
  await signIn.goto('/sign-in');
  await signIn.getByRole('heading', { level: 1 }).waitFor();
  await signIn.screenshot({ path: `${OUT}/sign-in-375.png`, fullPage: true });
  await anonymous.close();
});
