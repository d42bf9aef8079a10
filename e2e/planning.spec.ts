import { mkdirSync } from 'node:fs';
import { PASSWORD, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { AlignmentPage } from './pages/AlignmentPage';
import { PlanPage } from './pages/PlanPage';
import { WritePage } from './pages/WritePage';

const OUT = '.ci/out/screenshots';

test('a lead plans a quarter: the next cycle, a team objective and a SMART goal aligned, the planned cascade, activation, the tree', async ({
  tandem,
  signedIn,
}) => {
  test.setTimeout(120_000);
  const seeded = await seedWorkspace(tandem);
  const { api, admin } = seeded;
  const units = await api.call('GET', '/api/v1/units', undefined, admin);
  const acme = units.items.find((u: { name: string }) => u.name === 'Acme');
  const team = await api.call('POST', '/api/v1/units', { name: 'Web team', parentId: acme.id }, admin);
  const invitation = await api.call(
    'POST',
    '/api/v1/invitations',
    { email: 'lu@acme.test', name: 'Lu Lead', role: 'member' },
    admin,
  );
  const lu = await api.acceptInvitation(new URL(invitation.url).hash.slice(1), PASSWORD);
  await api.call('PUT', `/api/v1/units/${team.id}/members/${lu.personId}`, { isLead: true }, admin);

  // The admin creates the next cycle: the quarter after the active one is proposed.
  const { page: adminPage } = await signedIn(admin);
  const adminPlan = new PlanPage(adminPage);
  await adminPlan.open();
  await expect(adminPage.getByText('No cycle is being planned.')).toBeVisible();
  const proposed = await adminPlan.newCycleForm().getByLabel('Cycle name').inputValue();
  expect(proposed).toMatch(/^\d{4}-Q[1-4]$/);
  await adminPlan
    .newCycleForm()
    .getByRole('button', { name: `Create ${proposed} in planning` })
    .click();
  await adminPage.getByRole('heading', { level: 2, name: new RegExp(`^${proposed}`) }).waitFor();
  const cycles = await api.call('GET', '/api/v1/cycles', undefined, admin);
  const planned = cycles.items.find((c: { name: string }) => c.name === proposed);
  // Leadership's company objective for the quarter, drafted in the plan.
  const company = await api.call(
    'POST',
    '/api/v1/objectives',
    {
      cycleId: planned.id,
      unitId: acme.id,
      title: 'Customers stay because the product delights them',
      kind: 'aspirational',
      state: 'draft',
    },
    admin,
  );
  await api.call(
    'POST',
    '/api/v1/key-results',
    {
      objectiveId: company.id,
      title: 'Monthly churn from 4% to 2%',
      measure: { type: 'decrease', start: 4, target: 2, unit: '%' },
    },
    admin,
  );

  // The lead drafts a team objective aligned to the company KR.
  const { page } = await signedIn(lu);
  const plan = new PlanPage(page);
  const write = new WritePage(page);
  await plan.open();
  await expect(page.getByRole('link', { name: 'Plan', exact: true })).toBeVisible();
  await expect(plan.newCycleForm()).toHaveCount(0);
  await page.getByRole('link', { name: 'Draft an objective' }).click();
  await page.getByRole('heading', { level: 1, name: 'Write an objective' }).waitFor();
  await expect(page.getByLabel('Cycle')).toHaveValue(planned.id);
  await page.getByLabel('Title', { exact: true }).fill('Make the web app feel instant');
  await page.getByRole('radio', { name: /Aspirational/ }).check();
  await page.getByLabel('Unit').selectOption({ label: 'Web team' });
  await write.alignTo('churn', 'Monthly churn from 4% to 2%');
  await write.fillKeyResult(1, 'Cut dashboard load time from 3 s to 1 s', {
    type: 'Decrease',
    start: '3',
    target: '1',
    unit: 's',
  });
  await write.fillKeyResult(2, 'Raise weekly active teams from 40 to 60', {
    type: 'Increase',
    start: '40',
    target: '60',
  });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('heading', { level: 1, name: 'Make the web app feel instant' }).waitFor();

  // ... and a SMART goal aligned to the team objective.
  await plan.open();
  await page.getByRole('link', { name: 'Draft a SMART goal' }).click();
  await page.getByRole('heading', { level: 1, name: 'Write a SMART goal' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Ship the dashboard cache by mid-quarter');
  await page.getByLabel('Definition of done').fill('The cache serves every dashboard read in production');
  const start = await page.getByLabel('Start date').inputValue();
  expect(start).toBe(planned.startDate);
  const due = new Date(Date.parse(planned.startDate) + 40 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Due date').fill(due);
  await write.alignTo('instant', 'Make the web app feel instant');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ship the dashboard cache by mid-quarter' }).waitFor();

  // The planned cascade: company -> Web team, each goal with its state, owner, parent and coach counts.
  await plan.open();
  await expect(plan.goalsOf('Acme')).toContainText('Customers stay because the product delights them');
  const teamObjective = plan.goal('Make the web app feel instant');
  await expect(teamObjective).toContainText('Draft');
  await expect(teamObjective).toContainText('owner: Lu Lead');
  await expect(teamObjective).toContainText('aligns to Monthly churn from 4% to 2%');
  await expect(teamObjective).toContainText('coach:');
  const smart = plan.goal('Ship the dashboard cache by mid-quarter');
  await expect(smart).toContainText('aligns to Make the web app feel instant');
  await expect(smart).toContainText('Draft');
  await expect(page.getByRole('note', { name: 'Orphans' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Activate/ })).toHaveCount(0);
  await expectAccessible(page);
  if (process.env.TANDEM_SCREENSHOTS) {
    mkdirSync(OUT, { recursive: true });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await page.screenshot({ path: `${OUT}/plan-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  // The admin activates the cycle from the plan, after a confirmation that says what happens.
  await adminPlan.open(`?cycle=${planned.id}`);
  await adminPage.getByRole('button', { name: `Activate ${proposed}…` }).click();
  const confirm = adminPage.getByRole('alertdialog');
  await expect(confirm).toContainText('3 draft goals become published');
  await expectAccessible(adminPage);
  if (process.env.TANDEM_SCREENSHOTS) {
    for (const width of [1280, 375]) {
      await adminPage.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      await adminPage.screenshot({ path: `${OUT}/plan-activate-${width}.png`, fullPage: true });
    }
    await adminPage.setViewportSize({ width: 1280, height: 900 });
  }
  await confirm.getByRole('button', { name: `Yes, activate ${proposed}` }).click();
  await expect(adminPage.getByRole('status')).toContainText(`${proposed} is active`);
  const stored = await api.call('GET', `/api/v1/smart-goals?cycle=${planned.id}`, undefined, admin);
  expect(stored.items.map((g: { state: string }) => g.state)).toEqual(['open']);

  // Both are in the alignment tree of the new cycle, under the company KR.
  await adminPage.getByRole('link', { name: 'See it in the alignment tree' }).click();
  const tree = new AlignmentPage(adminPage);
  await tree.tree().waitFor();
  const objective = tree.row('Customers stay because the product delights them').first();
  await objective.focus();
  // Each expansion loads its children: wait for it before the next key.
  await tree.press('ArrowRight');
  await expect(objective).toHaveAttribute('aria-expanded', 'true');
  await tree.press('ArrowRight');
  await expect(tree.focused()).toContainText('Monthly churn from 4% to 2%');
  await tree.press('ArrowRight');
  await expect(tree.focused()).toHaveAttribute('aria-expanded', 'true');
  await tree.press('ArrowRight');
  await expect(tree.focused()).toContainText('Make the web app feel instant');
  await tree.press('ArrowRight');
  await expect(tree.row('Ship the dashboard cache by mid-quarter')).toBeVisible();
});
