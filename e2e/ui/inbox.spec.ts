import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { InboxPage, QUICK_RULES, StuckRunFactory, setStuckRules } from '../pages/inbox-page';
import { RunPage } from '../pages/run-page';

// The stuck-run inbox end to end: runs made stuck on the emulator (most on threads Runboard never opened, registered
// only through POST /api/index/threads with a token) appear in two open tabs without a reload, with the right reason;
// a claim made in one tab shows in the other; a run cancelled from its page, and one that completes, leave the inbox.

test.describe('stuck-run inbox', () => {
  test.beforeEach(async ({ emulator, page, baseURL }) => {
    // A fresh seed: Runboard's index remembers runs across tests, and the same seed would hand out the same run ids
    // again (a run cancelled in one test would be "known cancelled" in the next).
    await emulator.reset(Math.floor(Math.random() * 1e9));
    await setStuckRules(page.request, QUICK_RULES, baseURL!);
  });

  test('every stuck condition shows live in two tabs; claims sync; cancelled and completed runs leave', async ({ page, emulator, playwright, baseURL }, testInfo) => {
    test.slow();
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const factory = new StuckRunFactory(emulator, api);

    // Two tabs on the inbox before anything is stuck; nothing below reloads them.
    const tabA = new InboxPage(page);
    const tabB = new InboxPage(await page.context().newPage());
    await tabA.open();
    await tabB.open();
    await tabA.expectLive();
    await tabB.expectLive();

    const queued = await factory.run('Inbox e2e — queued forever', 'stuck_queued');
    const idle = await factory.run('Inbox e2e — no progress', 'stuck_in_progress');
    const early = await factory.run('Inbox e2e — approval, early', 'expire', 'Billing');
    // Most of the early approval's 10 minutes pass: it is now close to expiring.
    await emulator.advance(450);
    const late = await factory.run('Inbox e2e — approval, late', 'expire', 'Billing');
    const failed = await factory.run('Inbox e2e — server error', 'fail_server_error');
    const cancelling = await factory.run('Inbox e2e — cancel never confirmed', 'cancel_stuck');
    await emulator.advance(2);
    await emulator.call('POST', `/threads/${cancelling.thread_id}/runs/${cancelling.id}/cancel`);
    const runs = [queued, idle, early, late, failed, cancelling];
    const registered = await factory.register(runs.map((r, i) => ({ id: r.thread_id, customer_ref: `CUST-${i + 1}` })));
    expect(registered.new).toBe(runs.length);
    await emulator.advance(30);

    const expected: Array<[typeof queued, string]> = [
      [queued, 'queued_too_long'],
      [idle, 'in_progress_no_progress'],
      [early, 'requires_action_near_expiry'],
      [late, 'requires_action_too_long'],
      [failed, 'ended_badly'],
      [cancelling, 'cancelling_too_long'],
    ];
    for (const tab of [tabA, tabB]) {
      for (const [run, reason] of expected) {
        await expect(tab.row(run.id), `${reason} in ${tab === tabA ? 'tab A' : 'tab B'}`).toHaveAttribute('data-reason', reason, { timeout: 45_000 });
      }
    }
    await expect(tabA.row(early.id).getByTestId('inbox-countdown')).toContainText('expires in');
    await expect(tabA.row(queued.id).getByTestId('inbox-customer-ref')).toHaveText('Customer CUST-1');
    await expect(tabA.row(failed.id).getByTestId('inbox-reason')).not.toBeEmpty();
    await expect(tabB.page.getByTestId('header-unclaimed-count')).not.toHaveText('0');
    await screenshot(tabA.page, testInfo, 'inbox-busy');

    // Claim with the keyboard in tab A (select the queued run's row, press c); tab B sees who holds it.
    await tabA.row(queued.id).click({ position: { x: 5, y: 5 } });
    await tabA.page.keyboard.press('c');
    await expect(tabA.row(queued.id).getByTestId('claim-holder').first()).toHaveAttribute('data-claimed', 'true');
    await expect(tabB.row(queued.id).getByTestId('claim-holder').first()).toHaveAttribute('data-claimed', 'true');
    await expect(tabB.row(queued.id).getByTestId('claim-holder').first()).toContainText('since');

    // Enter opens the selected run; cancel it from its page: it leaves the inbox in the other tab.
    await tabA.page.keyboard.press('Enter');
    await expect(tabA.page).toHaveURL(new RegExp(`/runs/${queued.id}$`));
    const runPage = new RunPage(tabA.page, emulator);
    await expect(tabA.page.getByTestId('run-team').getByTestId('claim-holder')).toHaveAttribute('data-claimed', 'true');
    await tabA.page.getByTestId('cancel-run').click();
    await tabA.page.getByTestId('cancel-reason').fill('Stuck in the queue — inbox e2e');
    await tabA.page.getByTestId('confirm-cancel-run').click();
    await runPage.expectStatus('cancelling', 10_000);
    await emulator.advance(5);
    await runPage.expectStatus('cancelled', 15_000);
    await expect(tabB.row(queued.id)).toHaveCount(0, { timeout: 45_000 });

    // The late approval gets its tool outputs (straight on the emulator) and completes: it leaves too.
    const waiting = await emulator.call<{ required_action: { submit_tool_outputs: { tool_calls: Array<{ id: string }> } } }>('GET', `/threads/${late.thread_id}/runs/${late.id}`);
    await emulator.call('POST', `/threads/${late.thread_id}/runs/${late.id}/submit_tool_outputs`, {
      tool_outputs: waiting.required_action.submit_tool_outputs.tool_calls.map((c) => ({ tool_call_id: c.id, output: '{"ok":true}' })),
    });
    await emulator.advance(30);
    await expect(tabB.row(late.id)).toHaveCount(0, { timeout: 45_000 });
    await expect(tabB.row(idle.id)).toBeVisible();
    await api.dispose();
  });

  test('one event stream per tab: the header count and the inbox page share it across a client navigation', async ({ page }) => {
    // Count the tab's EventSources from the first script on: the header opens one on the home page, and the inbox
    // page (reached by the header's link, no reload) must use that one, not open a second.
    await page.addInitScript(() => {
      const Native = window.EventSource;
      const opened: string[] = [];
      (window as unknown as { openedStreams: string[] }).openedStreams = opened;
      window.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          opened.push(new URL(url, location.href).pathname);
        }
      };
    });
    const opened = () => page.evaluate(() => (window as unknown as { openedStreams: string[] }).openedStreams);
    await page.goto('/');
    await expect(page.getByTestId('header-unclaimed-count')).toBeVisible({ timeout: 15_000 });
    await expect.poll(opened).toEqual(['/api/inbox/events']);

    await page.getByTestId('header-inbox-link').click();
    await expect(page).toHaveURL(/\/inbox$/);
    const inbox = new InboxPage(page);
    await inbox.expectLive();
    await expect(page.getByTestId('header-unclaimed-count')).toBeVisible();
    expect(await opened()).toEqual(['/api/inbox/events']);
  });

  test('filters live in the URL; the empty state; reconnecting; accessible in both themes and at 390 px', async ({ page, emulator, playwright, baseURL }, testInfo) => {
    test.slow();
    const api = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const factory = new StuckRunFactory(emulator, api);
    const failed = await factory.run('Inbox e2e — filters', 'fail_server_error');
    await factory.register([{ id: failed.thread_id }]);
    await emulator.advance(10);

    const inbox = new InboxPage(page);
    await inbox.open('?reason=ended_badly');
    await expect(inbox.row(failed.id)).toBeVisible({ timeout: 45_000 });
    await expect(page.getByTestId('inbox-filter-reason')).toHaveValue('ended_badly');
    await page.getByTestId('inbox-filter-claim').selectOption('mine');
    await expect(page).toHaveURL(/reason=ended_badly&claim=mine/);
    await expect(page.getByTestId('inbox-empty')).toContainText('No stuck runs match');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'inbox-empty');

    await inbox.open('?reason=ended_badly');
    await expect(inbox.row(failed.id)).toBeVisible();
    await inbox.expectLive();
    await expectNoSeriousA11yViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'inbox-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'inbox-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 860 });

    // The stream cannot connect (reloaded with the event stream refused): the rows come with the page's HTML and
    // the page says it is reconnecting; once the stream is allowed again it is live without a reload.
    await page.route('**/api/inbox/events', (route) => route.abort());
    await page.reload();
    await expect(inbox.status).toHaveAttribute('data-status', 'reconnecting', { timeout: 15_000 });
    await expect(inbox.row(failed.id)).toBeVisible();
    await screenshot(page, testInfo, 'inbox-reconnecting');
    await page.unroute('**/api/inbox/events');
    await inbox.expectLive();
    await api.dispose();
  });
});
