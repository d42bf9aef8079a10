import { seedTeam } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { AlignmentPage } from './pages/AlignmentPage';

test('the alignment tree opens from the keyboard, shows shared goals under each parent, private goals counted and orphans marked', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedTeam(tandem);
  const [nps, churn] = seeded.keyResults.map((kr) => kr.title) as [string, string];
  // Cy may not see Bo's two private goals.
  const { page } = await signedIn(seeded.cy);
  const tree = new AlignmentPage(page);
  await tree.open();

  const objective = tree.row('Customers love the product');
  await expect(objective).toHaveAttribute('aria-expanded', 'false');
  await objective.focus();
  // Right opens, Right again goes to the first child (the NPS KR), Right opens it.
  await tree.press('ArrowRight');
  await expect(objective).toHaveAttribute('aria-expanded', 'true');
  await tree.press('ArrowRight');
  await expect(tree.focused()).toContainText(nps);
  await expect(tree.focused()).toHaveAttribute('aria-level', '2');
  await tree.press('ArrowRight', 'ArrowRight');
  // Under NPS: the team's objective and the guide that also serves the churn KR.
  await expect(tree.focused()).toContainText('The web app feels instant');
  const guide = tree.row(seeded.goals.open.title);
  await expect(guide).toHaveCount(1);
  await expect(guide).toContainText(`Also contributes to ${churn}`);
  // Into the team objective, its KR, and its goals: two of them private.
  await tree.press('ArrowRight', 'ArrowRight');
  await expect(tree.focused()).toContainText('Dashboard shows its data within 1 s');
  await tree.press('ArrowRight');
  await expect(tree.row(seeded.goals.dueSoon.title)).toBeVisible();
  await expect(tree.row('2 private goals you may not see')).toBeVisible();
  await expect(tree.row('Private goal one')).toHaveCount(0);
  // Left goes back up to the parent, and closes it.
  await tree.press('ArrowDown', 'ArrowLeft');
  await expect(tree.focused()).toContainText('Dashboard shows its data within 1 s');
  await tree.press('ArrowLeft');
  await expect(tree.row(seeded.goals.dueSoon.title)).toHaveCount(0);

  // The churn KR lists the guide too, naming NPS as its other parent.
  await tree.row(churn).filter({ hasText: 'Key result' }).locator('[data-toggle]').click();
  await expect(tree.row(seeded.goals.open.title)).toHaveCount(2);
  await expect(tree.row(seeded.goals.open.title).last()).toContainText(`Also contributes to ${nps}`);

  // Goals aligned to nothing are grouped and marked.
  await tree.row('Aligned to nothing').first().click();
  const orphan = tree.row(seeded.goals.orphan.title);
  await expect(orphan).toContainText('Aligned to nothing');
  await expectAccessible(page);

  // The filter keeps the path to what matches, in the URL.
  await page.getByLabel('Find a goal').fill('onboarding guide');
  await expect(page).toHaveURL(/q=onboarding/);
  await expect(tree.row('Dashboard shows its data')).toHaveCount(0);
  await expect(tree.row(seeded.goals.open.title)).toHaveCount(2);

  // Enter opens the goal's page.
  await tree.row(seeded.goals.open.title).first().focus();
  await tree.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: seeded.goals.open.title })).toBeVisible();
});
