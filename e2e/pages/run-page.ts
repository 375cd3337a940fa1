import { expect, type Locator, type Page } from '@playwright/test';
import type { EmulatorControl } from '../fixtures';

type WireRun = { id: string; status: string; thread_id: string; created_at: number; metadata?: Record<string, string> | null; tools?: Array<{ type: string }> };
type WireStep = { id: string; step_details: { type: string; tool_calls?: Array<{ type: string }> } };
type ListOf<T> = { data: T[]; has_more: boolean; last_id: string | null };

/** Finds a seeded thread by title fragment and one of its runs matching `match` (newest first). */
export async function findSeededRun(
  emulator: EmulatorControl,
  titleIncludes: string,
  match: (run: WireRun) => boolean,
): Promise<{ threadId: string; run: WireRun }> {
  const threads = await emulator.threads();
  const thread = threads.find((t) => String(t.title ?? '').includes(titleIncludes));
  if (!thread) throw new Error(`no seeded thread titled like "${titleIncludes}"`);
  const runs = await emulator.call<ListOf<WireRun>>('GET', `/threads/${thread.id}/runs?limit=100`);
  const run = runs.data.find(match);
  if (!run) throw new Error(`no run in "${titleIncludes}" matches (statuses: ${runs.data.map((r) => r.status).join(', ')})`);
  return { threadId: thread.id, run };
}

/** The first run in the thread with a step that made a tool call of `toolType`. */
export async function findRunWithToolStep(emulator: EmulatorControl, titleIncludes: string, toolType: string) {
  const threads = await emulator.threads();
  const thread = threads.find((t) => String(t.title ?? '').includes(titleIncludes));
  if (!thread) throw new Error(`no seeded thread titled like "${titleIncludes}"`);
  const runs = await emulator.call<ListOf<WireRun>>('GET', `/threads/${thread.id}/runs?limit=100&order=asc`);
  for (const run of runs.data) {
    if (run.status !== 'completed') continue;
    const steps = await emulator.call<ListOf<WireStep>>('GET', `/threads/${thread.id}/runs/${run.id}/steps?limit=100`);
    if (steps.data.some((s) => s.step_details.tool_calls?.some((c) => c.type === toolType))) return { threadId: thread.id, run };
  }
  throw new Error(`no completed run with a ${toolType} step in "${titleIncludes}"`);
}

/**
 * The run page. The browser clock is aligned with the emulator's (tests move the emulator clock, and the page
 * counts down to expires_at with the browser's clock), so `advance` moves both.
 */
export class RunPage {
  constructor(
    readonly page: Page,
    private readonly emulator: EmulatorControl,
  ) {}

  async open(threadId: string, runId: string): Promise<void> {
    await this.page.clock.install({ time: (await this.emulator.now()) * 1000 });
    await this.page.goto(`/threads/${threadId}/runs/${runId}`);
    await expect(this.viewer).toBeVisible();
  }

  /** Moves the emulator clock and the page's clock together. */
  async advance(seconds: number): Promise<void> {
    await this.emulator.advance(seconds);
    await this.page.clock.fastForward(seconds * 1000);
  }

  get viewer(): Locator {
    return this.page.getByTestId('run-viewer');
  }
  async expectStatus(status: string, timeout = 15_000): Promise<void> {
    await expect(this.viewer).toHaveAttribute('data-run-status', status, { timeout });
  }
  get diagnosis(): Locator {
    return this.page.getByTestId('run-diagnosis-headline');
  }
  get countdown(): Locator {
    return this.page.getByTestId('run-countdown');
  }
  get toolOutputs(): Locator {
    return this.page.getByTestId('tool-output');
  }
  outputBox(index: number): Locator {
    return this.toolOutputs.nth(index).getByRole('textbox');
  }
  get submitOutputs(): Locator {
    return this.page.getByTestId('submit-tool-outputs');
  }
  stepButton(name: RegExp | string): Locator {
    return this.page.getByTestId('step-row').getByRole('button', { name });
  }
  async requestsTo(pathEnd: string, method = 'POST'): Promise<number> {
    const log = await this.emulator.apiRequests();
    return log.filter((r) => r.method === method && r.path.endsWith(pathEnd)).length;
  }
}
