import type { Page } from '@playwright/test';

/** The one-page check-in: every due goal, one submit. Counts the keys pressed beyond typed values. */
export class CheckInPage {
  /** Tab, Enter and arrow presses: the keystrokes a person spends moving, not typing values. */
  extraKeys = 0;

  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/check-in');
    await this.page.getByRole('heading', { level: 1, name: 'Check in' }).waitFor();
  }

  value(title: string) {
    return this.page.getByLabel(`New value for ${title}`, { exact: false });
  }

  async press(key: string) {
    this.extraKeys += 1;
    await this.page.keyboard.press(key);
  }

  /** Types into whatever has focus (a value, a note): not counted as extra keys. */
  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  submit() {
    return this.page.getByRole('button', { name: /^Check in on \d+ goals?$/ });
  }
}
