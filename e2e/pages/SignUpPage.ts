import type { Page } from '@playwright/test';

/** The first-run page that creates the workspace. */
export class SignUpPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Create your workspace' });
  }

  async createWorkspace(input: {
    name: string;
    email: string;
    password: string;
    workspace: string;
    fiscalYearStart: string;
    timeZone: string;
    checkInDay: string;
  }) {
    await this.page.getByLabel('Your name').fill(input.name);
    await this.page.getByLabel('Email').fill(input.email);
    await this.page.getByLabel('Password').fill(input.password);
    await this.page.getByLabel('Workspace name').fill(input.workspace);
    await this.page.getByLabel('Fiscal year starts in').selectOption({ label: input.fiscalYearStart });
    await this.page.getByLabel('Time zone').selectOption(input.timeZone);
    await this.page.getByLabel('Weekly check-in day').selectOption({ label: input.checkInDay });
    await this.page.getByRole('button', { name: 'Create workspace' }).click();
  }
}
