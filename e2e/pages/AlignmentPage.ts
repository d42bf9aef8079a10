import type { Page } from '@playwright/test';

/** The alignment tree (WAI-ARIA tree view): rows are treeitems, moved through with the keyboard. */
export class AlignmentPage {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`/alignment${search}`);
    await this.tree().waitFor();
  }

  tree() {
    return this.page.getByRole('tree', { name: 'Alignment of goals' });
  }

  /** The rows whose text holds `title` (a goal with two parents has two). */
  row(title: string | RegExp) {
    return this.tree().getByRole('treeitem').filter({ hasText: title });
  }

  focused() {
    return this.tree().locator('[role="treeitem"]:focus');
  }

  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
