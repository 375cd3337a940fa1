import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { EmulatorControl } from '../fixtures';
import { tokenOf } from '../support/identities';

type WireRun = { id: string; thread_id: string; status: string; expires_at: number | null };
type Assistant = { id: string; name: string | null };

/** The /inbox page in one tab. */
export class InboxPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/inbox${query}`);
    await expect(this.page.getByTestId('inbox')).toBeVisible();
  }

  row(runId: string): Locator {
    return this.page.locator(`[data-testid="inbox-row"][data-run-id="${runId}"]`);
  }

  get status(): Locator {
    return this.page.getByTestId('inbox-stream-status');
  }

  async expectLive(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'live', { timeout: 15_000 });
  }
}

/** Creates runs straight on the emulator (Runboard never sees them) and registers their threads through the index API. */
export class StuckRunFactory {
  private assistants: Assistant[] | null = null;

  constructor(
    private readonly emulator: EmulatorControl,
    private readonly api: APIRequestContext,
  ) {}

  private async assistant(nameIncludes: string): Promise<string> {
    this.assistants ??= (await this.emulator.call<{ data: Assistant[] }>('GET', '/assistants?limit=100')).data;
    const found = this.assistants.find((a) => (a.name ?? '').includes(nameIncludes));
    if (!found) throw new Error(`no assistant named like ${nameIncludes}`);
    return found.id;
  }

  /** A new thread with one run following `scenario` (see lib/emulator/README.md), titled `title`. */
  async run(title: string, scenario: string, assistantName = 'Triage'): Promise<WireRun> {
    return this.emulator.call<WireRun>('POST', '/threads/runs', {
      assistant_id: await this.assistant(assistantName),
      thread: { metadata: { title }, messages: [{ role: 'user', content: title }] },
      metadata: { scenario },
    });
  }

  /** POST /api/index/threads with an operator's API token (no browser session), as an application would. */
  async register(threads: Array<{ id: string; customer_ref?: string }>): Promise<{ new: number; known: number }> {
    const res = await this.api.post('/api/index/threads', {
      data: { threads },
      headers: { authorization: `Bearer ${tokenOf('operator')}` },
    });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as { new: number; known: number };
  }
}

/** Stuck rules short enough for a test: a few emulator seconds make a run stuck. */
export const QUICK_RULES = {
  queued_seconds: 10,
  in_progress_idle_seconds: 30,
  requires_action_seconds: 10,
  requires_action_expiry_margin_seconds: 180,
  cancelling_seconds: 10,
  ended_badly_window_seconds: 86_400,
  claim_ttl_seconds: 3_600,
};

/** Saves the stuck rules as the signed-in admin (the page's own cookies). */
export async function setStuckRules(api: APIRequestContext, rules: typeof QUICK_RULES, origin: string): Promise<void> {
  const res = await api.put('/api/admin/stuck-rules', { data: rules, headers: { origin } });
  expect(res.status(), await res.text()).toBe(200);
}
