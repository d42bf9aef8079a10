import type { Page } from '@playwright/test';

/** The plan of a cycle (/plan): creating the next cycle, the planned cascade, activation. */
export class PlanPage {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`/plan${search}`);
    await this.page.getByRole('heading', { level: 1, name: 'Plan a cycle' }).waitFor();
  }

  newCycleForm() {
    return this.page.getByRole('form', { name: 'Create the next cycle' });
  }

  cascade() {
    return this.page.getByRole('region', { name: 'The planned cascade' });
  }

  /** The goals listed for a unit (its own list, not its sub-units'). */
  goalsOf(unit: string) {
    return this.cascade().getByRole('list', { name: `Goals of ${unit}`, exact: true });
  }

  /** A goal's line in the cascade, by its title. */
  goal(title: string) {
    return this.cascade()
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
      .last();
  }
}
