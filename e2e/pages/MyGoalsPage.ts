import type { Page } from '@playwright/test';

/** My goals: the objectives and KRs I own, and my SMART goal board. */
export class MyGoalsPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/goals');
    await this.page.getByRole('heading', { level: 1, name: 'My goals' }).waitFor();
  }

  column(name: 'Open' | 'Due soon' | 'Overdue' | 'Done') {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(\\d+\\)$`) });
  }

  card(title: string) {
    return this.page.getByRole('region', { name: 'SMART goal board' }).getByRole('listitem', { name: title });
  }
}
