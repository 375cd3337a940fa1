import { expect, type Locator, type Page } from '@playwright/test';

/** The home page: search box, connection banner, recent threads, "create thread and run". */
export class HomePage {
  readonly searchInput: Locator;
  readonly openButton: Locator;
  readonly searchError: Locator;
  readonly connectionBanner: Locator;
  readonly recentThreads: Locator;
  readonly createForm: Locator;

  constructor(readonly page: Page) {
    this.searchInput = page.getByLabel('Thread id, run id, URL or pasted JSON');
    this.openButton = page.getByRole('search').getByRole('button', { name: 'Open' });
    this.searchError = page.getByTestId('search-error');
    this.connectionBanner = page.getByTestId('connection-banner');
    this.recentThreads = page.getByTestId('recent-thread');
    this.createForm = page.getByTestId('create-thread-and-run-form');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Runboard' })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.searchInput.fill(text);
    await this.openButton.click();
  }

  /** Fills the create-thread-and-run form; empty strings leave fields untouched. */
  async fillCreateForm(opts: { assistantId?: string; message?: string; temperature?: string; metadata?: Array<[string, string]> }): Promise<void> {
    const form = this.createForm;
    if (opts.assistantId) await form.getByLabel('Assistant id').fill(opts.assistantId);
    if (opts.message !== undefined) await form.getByLabel('First user message').fill(opts.message);
    if (opts.temperature !== undefined) {
      await form.getByText('Overrides: model, instructions').click();
      await form.getByLabel('Temperature').fill(opts.temperature);
    }
    for (const [i, [key, value]] of (opts.metadata ?? []).entries()) {
      await form.getByRole('button', { name: '+ Add pair' }).click();
      await form.getByLabel(`Key ${i + 1}`).fill(key);
      await form.getByLabel(`Value ${i + 1}`).fill(value);
    }
  }
}
