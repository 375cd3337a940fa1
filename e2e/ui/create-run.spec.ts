import { expect, screenshot, test, type EmulatorControl } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { ThreadPage } from '../pages/thread-page';

type DirThread = { id: string; run_count?: number; latest_run?: { status?: string } | null };
const TERMINAL = ['completed', 'failed', 'cancelled', 'expired', 'incomplete'];

async function threads(emulator: EmulatorControl): Promise<DirThread[]> {
  return (await emulator.threads()) as DirThread[];
}

async function firstAssistant(emulator: EmulatorControl) {
  const list = await emulator.call<{ data: Array<{ id: string; name: string | null }> }>('GET', '/assistants?limit=100');
  return list.data[0]!;
}

test.describe('create run form', () => {
  test('bad input shows inline errors next to the fields and sends nothing', async ({ page, emulator }, testInfo) => {
    const thread = (await threads(emulator))[0]!;
    const tp = new ThreadPage(page);
    await tp.goto(thread.id);
    await tp.openCreateRun();
    await expectNoSeriousA11yViolations(page);
    const form = tp.createRunForm;
    await emulator.clearRequests();
    await form.getByLabel('Assistant id').fill('asst_ok123');
    await form.getByText('Overrides: model, instructions').click();
    await form.getByLabel('Temperature').fill('3');
    await form.getByLabel('Max completion tokens').fill('100');
    await form.getByRole('button', { name: '+ Add pair' }).click();
    await form.getByLabel('Key 1').fill('k'.repeat(65));
    await form.getByLabel('Value 1').fill('v');
    await form.getByRole('button', { name: 'Create run' }).click();
    await expect(page.getByTestId('field-error-cr-temperature')).toContainText('at most 2');
    await expect(page.getByTestId('field-error-cr-max_completion_tokens')).toContainText('at least 256');
    await expect(page.getByTestId('field-error-cr-metadata-row-0')).toContainText('64');
    await expect(form.getByLabel('Temperature')).toBeFocused();
    await screenshot(page, testInfo, 'create-run-errors');
    expect((await emulator.apiRequests()).filter((r) => r.method === 'POST')).toEqual([]);
  });

  test('creates a run with metadata and opens it to watch live', async ({ page, emulator }, testInfo) => {
    const thread = (await threads(emulator)).find((t) => TERMINAL.includes(t.latest_run?.status ?? '') && (t.run_count ?? 0) < 50)!;
    expect(thread).toBeTruthy();
    const assistant = await firstAssistant(emulator);
    const tp = new ThreadPage(page);
    await tp.goto(thread.id);
    await tp.openCreateRun();
    const form = tp.createRunForm;
    await form.getByLabel('Assistant', { exact: true }).selectOption(assistant.id);
    await form.getByLabel('Additional instructions').fill('Answer in one sentence.');
    await form.getByRole('button', { name: '+ Add pair' }).click();
    await form.getByLabel('Key 1').fill('ticket');
    await form.getByLabel('Value 1').fill('E2E-42');
    await expect(form.getByLabel('Open the new run and watch it live')).toBeChecked();
    await screenshot(page, testInfo, 'create-run-filled');
    await form.getByRole('button', { name: 'Create run' }).click();
    await expect(page).toHaveURL(new RegExp(`/threads/${thread.id}/runs/run_[A-Za-z0-9]+$`));
    const runId = page.url().split('/').pop()!;
    await expect(page.getByText(runId).first()).toBeVisible();
    const run = await emulator.call<{ metadata: Record<string, string>; assistant_id: string }>('GET', `/threads/${thread.id}/runs/${runId}`);
    expect(run).toMatchObject({ assistant_id: assistant.id, metadata: { ticket: 'E2E-42' } });
    // Back on the thread, the new run is the newest row.
    await tp.goto(thread.id);
    await expect(page.getByTestId('run-link').first()).toHaveText(runId);
  });

  test("shows the upstream's refusal verbatim with status and request id", async ({ page, emulator }, testInfo) => {
    await emulator.reset(); // the seeded requires_action run expires minutes after start; re-seed so it is fresh
    const thread = (await threads(emulator)).find((t) => t.latest_run?.status === 'requires_action')!;
    const assistant = await firstAssistant(emulator);
    const tp = new ThreadPage(page);
    await tp.goto(thread.id);
    await expect(tp.lockBanner).toBeVisible();
    await tp.openCreateRun();
    await tp.createRunForm.getByLabel('Assistant id').fill(assistant.id);
    await tp.createRunForm.getByRole('button', { name: 'Create run' }).click();
    const error = tp.createRunForm.getByTestId('error-state');
    await expect(error).toContainText('already has an active run');
    await expect(error.getByTestId('error-status')).toHaveText('400');
    await expect(error.getByTestId('error-request-id')).toContainText(/\S+/);
    await expect(page).toHaveURL(new RegExp(`/threads/${thread.id}$`));
    await screenshot(page, testInfo, 'create-run-refused');
  });
});
