import { mkdirSync } from 'node:fs';
import { seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';

const OUT = '.ci/out/screenshots';

test('the command palette finds a goal by typing and opens it with the keyboard only', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).waitFor();

  await page.keyboard.press('Control+K');
  const palette = page.getByRole('dialog', { name: 'Search and jump' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox', { name: 'Search goals, people and units' });
  await expect(input).toBeFocused();
  // Before typing: the jumps.
  await expect(palette.getByRole('option', { name: /Check in/ })).toBeVisible();
  await expectAccessible(page);

  await page.keyboard.type('churn');
  const option = palette.getByRole('option', { name: /Monthly churn from 5 % to 2 %/ });
  await expect(option).toBeVisible();
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  if (process.env.TANDEM_SCREENSHOTS) {
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: `${OUT}/palette-1280.png` });
  }
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/key-results/${seeded.keyResults[1]!.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Monthly churn from 5 % to 2 %' })).toBeVisible();

  // Escape closes it; the shell's button opens it too; a jump goes to the check-in screen.
  await page.keyboard.press('Control+K');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await page.getByRole('button', { name: /Search/ }).click();
  await expect(palette).toBeVisible();
  await page.keyboard.type('check in');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/check-in$/);

  // A person: their goals on the dashboard.
  await page.keyboard.press('Control+K');
  await page.keyboard.type('Ana Admin');
  await expect(palette.getByRole('option', { name: /Ana Admin/ })).toBeVisible();
  if (process.env.TANDEM_SCREENSHOTS) {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: `${OUT}/palette-375.png` });
  }
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`owner=${seeded.admin.personId}`));

  // Every form submits with Enter: the advisor's goes on to write the goal it recommends.
  await page.goto('/write');
  await page.getByLabel('People working on it').fill('1');
  await page.getByLabel('People working on it').press('Enter');
  await expect(page).toHaveURL(/\/write\/(objective|smart-goal)/);
});
