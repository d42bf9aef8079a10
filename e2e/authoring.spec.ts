import { seedTeam, seedWorkspace } from './api';
import { expect, expectAccessible, test } from './fixtures';
import { WritePage } from './pages/WritePage';

test('the advisor tells a deliverable from a strategic goal', async ({ tandem, signedIn }) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  const write = new WritePage(page);
  await write.openAdvisor();
  await write.describeGoal('Launch the partner portal by 15 November', 'Individual');
  await expect(write.advisorAnswer()).toHaveText(/A SMART goal/);
  await expect(page.getByRole('list', { name: 'Signals' })).toContainText('toward SMART');
  await expectAccessible(page);
  await write.describeGoal('Become the platform every department builds on', 'Company');
  await expect(write.advisorAnswer()).toHaveText(/An OKR|Both/);
  await expect(page.getByRole('list', { name: 'Signals' })).toContainText('toward OKR');
});

test('write an objective with two KRs and a SMART goal, the coach flagging and rewording as you type', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  const write = new WritePage(page);
  await write.openAdvisor();
  await write.describeGoal('Make onboarding effortless for 500 new teams', 'Company');
  await page.getByRole('button', { name: 'Write an objective' }).click();
  await page.getByRole('heading', { level: 1, name: 'Write an objective' }).waitFor();
  const title = page.getByLabel('Title', { exact: true });
  await expect(title).toHaveValue('Make onboarding effortless for 500 new teams');

  // The objective's title holds a number: the coach says so under the title and offers a rewrite.
  await expect(write.finding('objective-has-metric')).toBeVisible();
  await expect(write.finding('objective-kind-missing')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled();
  await write.useWording('objective-has-metric');
  await expect(title).toHaveValue('Make onboarding effortless for new teams');
  await expect(write.finding('objective-has-metric')).toHaveCount(0);

  await page.getByRole('radio', { name: /Committed/ }).check();
  await expect(write.finding('objective-kind-missing')).toHaveCount(0);
  await page.getByLabel('Unit').selectOption({ label: 'Acme' });
  await write.alignTo('customers', 'Customers love the product');
  await expect(page.getByText('Aligned to the objective')).toBeVisible();

  // A KR whose words go down while its measure goes up: an error, with a wording to use.
  await write.fillKeyResult(1, 'Reduce activation rate', {
    type: 'Increase',
    start: '35',
    target: '50',
    unit: '%',
  });
  await expect(write.finding('kr-direction-conflict', write.keyResult(1))).toContainText(
    'error (kr-direction-conflict)',
  );
  await write.useWording('kr-direction-conflict', write.keyResult(1));
  await expect(write.keyResult(1).getByLabel('Key result 1 title')).toHaveValue(
    'Raise activation rate from 35% to 50%',
  );
  await write.fillKeyResult(2, 'Cut time to first value from 9 to 3 days', {
    type: 'Decrease',
    start: '9',
    target: '3',
    unit: 'days',
  });
  await expect(write.finding('kr-direction-conflict')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Publish' }).click();

  // The objective's own page shows it with both KRs.
  await page.getByRole('heading', { level: 1, name: 'Make onboarding effortless for new teams' }).waitFor();
  const krs = page.getByRole('region', { name: 'Key results' });
  await expect(krs.getByRole('link', { name: 'Raise activation rate from 35% to 50%' })).toBeVisible();
  await expect(krs.getByRole('link', { name: 'Cut time to first value from 9 to 3 days' })).toBeVisible();

  // A SMART goal that supports the first KR.
  await page.goto('/write/smart-goal');
  await page.getByRole('heading', { level: 1, name: 'Write a SMART goal' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Cut the signup form from 9 fields to 4');
  await expect(write.finding('smart-not-relevant')).toBeVisible();
  await page.getByLabel('Definition of done').fill('The new form is live for every new workspace');
  await page.getByLabel('Measure type').selectOption({ label: 'Decrease' });
  await page.getByLabel('Start (today)').fill('9');
  await page.getByLabel('Target').fill('4');
  await page.getByLabel('Unit').fill('fields');
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Due date').fill(due);
  await write.alignTo('activation', 'Raise activation rate from 35% to 50%');
  await expect(write.finding('smart-not-relevant')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('heading', { level: 1, name: 'Cut the signup form from 9 fields to 4' }).waitFor();
  await expect(page.getByText(/done when: The new form is live/)).toBeVisible();
});

test('a draft saves without a kind or a measure, and is published later from its page', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedWorkspace(tandem);
  const { page } = await signedIn(seeded.admin);
  await page.goto('/write/objective');
  await page.getByRole('heading', { level: 1, name: 'Write an objective' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Make support a reason customers stay');
  await page.getByLabel('Key result 1 title').fill('Improve support');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('heading', { level: 1, name: 'Make support a reason customers stay' }).waitFor();
  await expect(page.getByText('Draft: not published yet.')).toBeVisible();
  await page.getByRole('link', { name: 'Edit objective and key results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit objective' }).waitFor();
  await expect(page.getByLabel('Key result 1 title')).toHaveValue('Improve support');
  await page.getByRole('radio', { name: /Aspirational/ }).check();
  // The vague KR goes; a measured one takes its place (the stored one is deleted on save).
  await page.getByRole('button', { name: 'Remove key result 1' }).click();
  await page.getByRole('button', { name: 'Add a key result' }).click();
  await new WritePage(page).fillKeyResult(1, 'Raise CSAT from 80 to 90', {
    type: 'Increase',
    start: '80',
    target: '90',
  });
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('heading', { level: 1, name: 'Make support a reason customers stay' }).waitFor();
  await expect(page.getByText('Draft: not published yet.')).toHaveCount(0);
  const krs = page.getByRole('region', { name: 'Key results' });
  await expect(krs.getByRole('link', { name: 'Raise CSAT from 80 to 90' })).toBeVisible();
  await expect(krs.getByRole('link', { name: 'Improve support' })).toHaveCount(0);
});

test('owners and leads are picked by typing a name or an email; a name that is nobody is refused, not saved', async ({
  tandem,
  signedIn,
}) => {
  const seeded = await seedTeam(tandem);
  const { page } = await signedIn(seeded.admin);
  await page.goto('/write/objective');
  await page.getByRole('heading', { level: 1, name: 'Write an objective' }).waitFor();
  await page.getByLabel('Title', { exact: true }).fill('Make the web team the fastest to ship');
  await new WritePage(page).fillKeyResult(1, 'Raise weekly deploys from 2 to 10', {
    type: 'Increase',
    start: '2',
    target: '10',
  });
  const owner = page.getByLabel('Key result 1 owner');
  // The writer owns a new KR until someone else is picked.
  await expect(owner).toHaveValue('Ana Admin <ana@acme.test>');
  await owner.fill('nobody@acme.test');
  await owner.blur();
  await expect(
    page.getByRole('alert').filter({ hasText: 'No active person is “nobody@acme.test”' }),
  ).toContainText('Still Ana Admin.');
  await expect(owner).toHaveValue('Ana Admin <ana@acme.test>');
  // A name only one person has is enough; so is an email.
  await owner.fill('bo member');
  await owner.blur();
  await expect(owner).toHaveValue('Bo Member <bo@acme.test>');
  const lead = page.getByLabel('Accountable lead');
  await lead.fill('CY@acme.test');
  await lead.blur();
  await expect(lead).toHaveValue('Cy Member <cy@acme.test>');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByRole('heading', { level: 1, name: 'Make the web team the fastest to ship' }).waitFor();
  await page.getByRole('link', { name: 'Edit objective and key results' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit objective' }).waitFor();
  await expect(page.getByLabel('Key result 1 owner')).toHaveValue('Bo Member <bo@acme.test>');
  await expect(page.getByLabel('Accountable lead')).toHaveValue('Cy Member <cy@acme.test>');
});
