import { mkdirSync } from 'node:fs';
import { seedWorkspace } from './api';
import { test } from './fixtures';
import { CheckInPage } from './pages/CheckInPage';
import { DashboardPage } from './pages/DashboardPage';

// `TANDEM_SCREENSHOTS=1 npm run test:e2e -- screenshots`: each screen at 1280 and 375 px into
// .ci/out/screenshots (the README's dashboard picture is copied from there to docs/screenshots/).
test.skip(!process.env.TANDEM_SCREENSHOTS, 'screenshots are taken on demand (TANDEM_SCREENSHOTS=1)');

const OUT = '.ci/out/screenshots';

test('screenshots of each screen at desktop and phone width', async ({ tandem, signedIn, browser }) => {
  mkdirSync(OUT, { recursive: true });
  const seeded = await seedWorkspace(tandem);
  const second = await seeded.api.call(
    'POST',
    '/api/v1/objectives',
    {
      cycleId: seeded.cycleId,
      unitId: undefined,
      title: 'Ship a reliable platform',
      ownerId: seeded.admin.personId,
    },
    seeded.admin,
  );
  void second;
  const { page } = await signedIn(seeded.admin);
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
  }
  const anonymous = await browser.newContext({ baseURL: tandem, viewport: { width: 375, height: 812 } });
  const signIn = await anonymous.newPage();
  await signIn.goto('/sign-in');
  await signIn.getByRole('heading', { level: 1 }).waitFor();
  await signIn.screenshot({ path: `${OUT}/sign-in-375.png`, fullPage: true });
  await anonymous.close();
});
