import type { Page } from '@playwright/test';

/** The company (or unit) dashboard. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`/${search}`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The row of a key result in the objective list: its status and score are inside. */
  keyResult(title: string) {
    return this.page
      .getByRole('list', { name: /^Key results of/ })
      .getByRole('listitem')
      .filter({ hasText: title });
  }

  /** One of the filters (Cycle, Unit, Owner, Status): a native select. */
  filter(label: 'Cycle' | 'Unit' | 'Owner' | 'Status') {
    return this.page.getByRole('form', { name: 'Filters' }).getByLabel(label);
  }

  statusCount(label: string) {
    return this.page.getByRole('link', { name: new RegExp(`^${label}: \\d+$`) });
  }
}
