import { mkdirSync } from 'node:fs';
import { seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';

const OUT = '.ci/out/screenshots';

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

  // Its report, from the close-out page: grades, distribution, calibration, root causes, lessons.
  await page.getByRole('link', { name: `Open the report of ${cycle.name}` }).click();
  await page.getByRole('heading', { level: 1, name: `Report of ${cycle.name}` }).waitFor();
  const distribution = page.getByRole('region', { name: 'Distribution of grades' });
  await expect(
    distribution.getByRole('img', { name: /Key results 0 green, 0 yellow, 3 red \(3 graded\)/ }),
  ).toBeVisible();
  await expect(distribution.getByRole('row', { name: /Objectives/ }).getByRole('cell')).toHaveText([
    '0',
    '0',
    '1',
  ]);
  await expect(page.getByRole('region', { name: 'Calibration of this cycle' })).toContainText(
    '0 % of 3 met in full',
  );
  const grades = page.getByRole('region', { name: 'Objectives and key results' });
  await expect(grades.getByRole('article', { name: 'Customers love the product' })).toContainText('Drop');
  await expect(grades.getByRole('row', { name: /NPS from 20 to 50/ })).toContainText(
    'We started NPS from 20 to 50 too late',
  );
  await expect(page.getByRole('region', { name: 'Root causes' }).getByRole('listitem')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Decisions and lessons' })).toContainText(
    'What we learned: Start the survey in week one',
  );
  await expectAccessible(page);

  // The API's documents behind the download links.
  const downloads = page.getByRole('navigation', { name: 'Download the report' });
  for (const [label, type] of [
    ['Markdown', 'text/markdown'],
    ['HTML', 'text/html'],
    ['PDF', 'application/pdf'],
  ] as const) {
    const href = await downloads.getByRole('link', { name: `Download ${label}` }).getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status(), label).toBe(200);
    expect(res.headers()['content-type']).toContain(type);
    expect(res.headers()['content-disposition']).toContain('attachment');
  }

  // Printed: no navigation, no buttons; the PDF Chromium prints is kept to look at.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(downloads).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Root causes' })).toBeVisible();
  mkdirSync('.ci/out', { recursive: true });
  const pdf = await page.pdf({ path: '.ci/out/cycle-report-print.pdf', format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  if (process.env.TANDEM_SCREENSHOTS) {
    mkdirSync(OUT, { recursive: true });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.screenshot({ path: `${OUT}/cycle-report-${width}.png`, fullPage: true });
      await page.goto('/cycles');
      await page.getByRole('link', { name: `Report of ${cycle.name}` }).waitFor();
      await page.screenshot({ path: `${OUT}/cycles-${width}.png`, fullPage: true });
      await page.goto('/calibration');
      await page.getByRole('region', { name: 'Your own calibration' }).getByText(/Over /).waitFor();
      await page.screenshot({ path: `${OUT}/calibration-${width}.png`, fullPage: true });
      await page.goto(`/cycles/${seeded.cycleId}/report`);
      await page.getByRole('heading', { level: 1, name: `Report of ${cycle.name}` }).waitFor();
    }
  }
});
