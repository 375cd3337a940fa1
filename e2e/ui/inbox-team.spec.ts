import { expect, screenshot, test } from '../fixtures';
import { expectNoSeriousA11yViolations } from '../pages/axe';
import { findSeededRun } from '../pages/run-page';
import { identity, signedInContext } from '../support/identities';

// Claims, notes and watching on the run and thread pages; the admin pages for the stuck rules and the thread index.

test.describe('claims, notes and watching', () => {
  test.beforeEach(async ({ emulator }) => {
    await emulator.reset();
  });

  test('claim a run and leave a plain-text note on its page; the thread page shows both; a viewer only reads', async ({ page, emulator, browser }, testInfo) => {
    test.slow();
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    await page.goto(`/threads/${threadId}/runs/${run.id}`);
    const team = page.getByTestId('run-team');
    // The run page is heavy; on a loaded machine it hydrates slowly.
    await expect(team.getByTestId('claim-holder')).toHaveAttribute('data-claimed', 'false', { timeout: 30_000 });
    await team.getByTestId('claim-button').click();
    await expect(team.getByTestId('claim-holder')).toHaveAttribute('data-claimed', 'true');
    await expect(team.getByTestId('claim-holder')).toContainText('since');

    // Markup in a note stays text.
    await team.getByTestId('note-submit').click();
    await expect(team.getByTestId('field-error-note-new-' + run.id)).toHaveText('Write something first.');
    await team.getByTestId('note-input').fill('Customer says the invoice tool <b>hangs</b> — checking with billing.');
    await team.getByTestId('note-submit').click();
    const note = team.getByTestId('note').first();
    await expect(note.getByTestId('note-body')).toHaveText('Customer says the invoice tool <b>hangs</b> — checking with billing.');
    await expect(note.locator('b')).toHaveCount(0);
    // The author edits within 10 minutes.
    await note.getByTestId('note-edit').click();
    await note.getByRole('textbox', { name: 'Edit note' }).fill('Billing confirmed the tool hangs; restarting it.');
    await note.getByRole('button', { name: 'Save' }).click();
    await expect(note.getByTestId('note-body')).toHaveText('Billing confirmed the tool hangs; restarting it.');
    await expect(note).toContainText('edited');
    await expectNoSeriousA11yViolations(page);
    await team.scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'run-claim-notes');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'run-claim-notes-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'run-claim-notes-390');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.goto(`/threads/${threadId}`);
    const threadTeam = page.getByTestId('thread-team');
    await expect(threadTeam.getByTestId('thread-claims')).toContainText(run.id);
    await expect(threadTeam.getByTestId('note-body').first()).toHaveText('Billing confirmed the tool hangs; restarting it.');
    await threadTeam.getByTestId('note-input').fill('Thread-wide: customer is on the enterprise plan.');
    await threadTeam.getByTestId('note-submit').click();
    await expect(threadTeam.getByTestId('note')).toHaveCount(2);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'thread-claims-notes');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, testInfo, 'thread-claims-notes-dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, testInfo, 'thread-claims-notes-390');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // A viewer sees the claim and the notes, no controls, and who can act.
    const viewerContext = await signedInContext(browser, 'viewer');
    const viewer = await viewerContext.newPage();
    await viewer.goto(`/threads/${threadId}/runs/${run.id}`);
    const viewerTeam = viewer.getByTestId('run-team');
    await expect(viewerTeam.getByTestId('claim-holder')).toHaveAttribute('data-claimed', 'true');
    await expect(viewerTeam.getByTestId('note')).toHaveCount(1);
    await expect(viewerTeam.getByTestId('release-button')).toHaveCount(0);
    await expect(viewerTeam.getByTestId('note-input')).toHaveCount(0);
    await expect(viewerTeam.getByTestId('note-edit')).toHaveCount(0);
    await expect(viewerTeam.getByTestId('role-note').first()).toContainText('Operators can');
    await viewerContext.close();

    // The admin releases; an admin may delete a note.
    await page.goto(`/threads/${threadId}/runs/${run.id}`);
    await team.getByTestId('release-button').click();
    await expect(team.getByTestId('claim-holder')).toHaveAttribute('data-claimed', 'false');
    await team.getByTestId('note-delete').first().click();
    await expect(team.getByTestId('notes-empty')).toBeVisible();
  });

  test('a claim held by someone else: the 409 says who', async ({ page, emulator, browser }) => {
    const { threadId, run } = await findSeededRun(emulator, 'ACME', (r) => r.status === 'requires_action');
    // This page's live stream is cut, so it does not learn of the other claim before trying (the race a 409 settles).
    await page.route('**/api/inbox/events', (route) => route.abort());
    await page.goto(`/threads/${threadId}/runs/${run.id}`);
    const team = page.getByTestId('run-team');
    await expect(team.getByTestId('claim-button')).toBeVisible({ timeout: 30_000 });
    // The operator claims it meanwhile, in another browser.
    const operatorContext = await browser.newContext({ storageState: identity('operator').storageState });
    const operator = await operatorContext.newPage();
    await operator.goto(`/threads/${threadId}/runs/${run.id}`);
    await operator.getByTestId('run-team').getByTestId('claim-button').click();
    await expect(operator.getByTestId('run-team').getByTestId('claim-holder')).toHaveAttribute('data-claimed', 'true');
    await operatorContext.close();
    // The admin's page, not yet refreshed, tries to claim.
    await team.getByTestId('claim-button').click();
    await expect(team.getByTestId('claim-conflict')).toContainText('E2E operator claimed this run');
  });

  test('watch a thread: home lists it; the home search finds threads in the index by title and customer reference', async ({ page, emulator }, testInfo) => {
    const { threadId } = await findSeededRun(emulator, 'Initech', () => true);
    await page.goto(`/threads/${threadId}`);
    const watch = page.getByTestId('watch-button');
    await expect(watch).toHaveText('Watch thread');
    await watch.click();
    await expect(watch).toHaveText('Watching');
    await expect(watch).toHaveAttribute('aria-pressed', 'true');
    await page.goto('/');
    await expect(page.getByTestId('watched-thread')).toContainText('Initech');
    await page.locator('#search').fill('Initech');
    await expect(page.getByTestId('index-match').first()).toContainText('Initech');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'home-watched-and-index-search');
    // An exact id still opens directly.
    await page.locator('#search').fill(threadId);
    await page.locator('#search').press('Enter');
    await expect(page).toHaveURL(new RegExp(`/threads/${threadId}$`));
    await page.getByTestId('watch-button').click();
    await expect(page.getByTestId('watch-button')).toHaveText('Watch thread');
  });
});

test.describe('admin: stuck rules and the thread index', () => {
  test('stuck rules: inline errors, then saved', async ({ page }, testInfo) => {
    await page.goto('/admin/settings');
    const queued = page.getByTestId('rule-queued_seconds');
    await expect(queued).not.toHaveValue('');
    await queued.fill('');
    await page.getByTestId('rule-cancelling_seconds').fill('100000');
    await page.getByTestId('stuck-rules-save').click();
    await expect(page.getByTestId('field-error-rule-queued_seconds')).toHaveText('Enter a number of minutes.');
    await expect(page.getByTestId('field-error-rule-cancelling_seconds')).toHaveText('At most 1440 min.');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'stuck-rules-errors');
    await queued.fill('3');
    await page.getByTestId('rule-cancelling_seconds').fill('2');
    await page.getByTestId('stuck-rules-save').click();
    await expect(page.getByTestId('stuck-rules-saved')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('rule-queued_seconds')).toHaveValue('3');
  });

  test('thread index: paste a CSV; new, known and refused with why', async ({ page, emulator }, testInfo) => {
    const threads = await emulator.threads();
    const known = threads[0]!.id;
    const created = await emulator.call<{ id: string }>('POST', '/threads', {});
    await page.goto('/admin/index');
    await page.getByTestId('index-submit').click();
    await expect(page.getByTestId('field-error-index-csv')).toContainText('Paste thread ids');
    await page.getByTestId('index-csv').fill(`id,customer_ref,labels\n${created.id},CUST-77,vip;eu\n${known},,\nnot a thread id,,\n`);
    await page.getByTestId('index-submit').click();
    await expect(page.getByTestId('index-refused-count')).toHaveText('1');
    await expect(page.getByTestId('index-refused')).toContainText('not a thread id');
    const total = Number(await page.getByTestId('index-new').textContent()) + Number(await page.getByTestId('index-known').textContent());
    expect(total).toBe(2);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, testInfo, 'thread-index-import');
  });
});
