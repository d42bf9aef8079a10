import type { Locator, Page } from '@playwright/test';

/** The advisor and the goal editors: intent methods on roles and labels only. */
export class WritePage {
  constructor(readonly page: Page) {}

  async openAdvisor() {
    await this.page.goto('/write');
    await this.page.getByRole('heading', { level: 1, name: 'Start a goal' }).waitFor();
  }

  async describeGoal(statement: string, level?: string) {
    await this.page.getByLabel('What is the goal, in one sentence?').fill(statement);
    if (level) await this.page.getByLabel('Level').selectOption({ label: level });
  }

  advisorAnswer() {
    return this.page.getByRole('heading', { name: /The advisor's answer/ });
  }

  /** The coach's note of a rule (by id) in a part of the form. */
  finding(rule: string, within: Locator | Page = this.page) {
    return within.getByRole('listitem').filter({ hasText: `(${rule})` });
  }

  async useWording(rule: string, within: Locator | Page = this.page) {
    await this.finding(rule, within).getByRole('button', { name: 'Use this wording' }).click();
  }

  keyResult(n: number) {
    return this.page.getByRole('region', { name: `Key result ${n}` });
  }

  async fillKeyResult(
    n: number,
    title: string,
    measure: { type: string; start?: string; target?: string; unit?: string },
  ) {
    const kr = this.keyResult(n);
    await kr.getByLabel(`Key result ${n} title`).fill(title);
    await kr.getByLabel('Measure type').selectOption({ label: measure.type });
    if (measure.start !== undefined) await kr.getByLabel('Start (today)').fill(measure.start);
    if (measure.target !== undefined) await kr.getByLabel('Target').fill(measure.target);
    if (measure.unit !== undefined) await kr.getByLabel('Unit').fill(measure.unit);
  }

  async alignTo(search: string, title: string) {
    await this.page.getByRole('searchbox').fill(search);
    await this.page
      .getByRole('list', { name: 'Matching goals' })
      .getByRole('button', { name: title })
      .click();
  }
}
