import { expect, type Locator, type Page } from '@playwright/test';

/** The thread page: runs table (filter, page size, cursor pagination), lock banner, messages, create run. */
export class ThreadPage {
  readonly runsPanel: Locator;
  readonly runRows: Locator;
  readonly statusFilter: Locator;
  readonly pageSize: Locator;
  readonly olderRuns: Locator;
  readonly newerRuns: Locator;
  readonly filterSummary: Locator;
  readonly lockBanner: Locator;
  readonly messages: Locator;
  readonly createRunForm: Locator;

  constructor(readonly page: Page) {
    this.runsPanel = page.getByTestId('runs-panel');
    this.runRows = page.getByTestId('run-row');
    this.statusFilter = page.getByLabel('Status', { exact: true });
    this.pageSize = page.getByLabel('Per page');
    const runsNav = page.getByRole('navigation', { name: 'Runs pages' });
    this.olderRuns = runsNav.getByText('Older →');
    this.newerRuns = runsNav.getByText('← Newer');
    this.filterSummary = page.getByTestId('filter-summary');
    this.lockBanner = page.getByTestId('thread-lock-banner');
    this.messages = page.getByTestId('message');
    this.createRunForm = page.getByTestId('create-run-form');
  }

  async goto(threadId: string, query = ''): Promise<void> {
    await this.page.goto(`/threads/${threadId}${query}`);
  }

  async waitForRuns(): Promise<void> {
    await expect(this.runRows.first()).toBeVisible();
  }

  /** Run ids of the visible page, in table order. */
  async runIds(): Promise<string[]> {
    return this.page.getByTestId('run-link').allTextContents();
  }

  async statuses(): Promise<string[]> {
    return this.runRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status') ?? ''));
  }

  /** True when the control is a live link (disabled controls are aria-disabled spans). */
  async isEnabled(control: Locator): Promise<boolean> {
    return (await control.getAttribute('aria-disabled')) !== 'true' && (await control.evaluate((el) => el.tagName)) === 'A';
  }

  async openCreateRun(): Promise<void> {
    await this.page.getByRole('button', { name: 'New run…' }).click();
    await expect(this.createRunForm).toBeVisible();
  }
}
