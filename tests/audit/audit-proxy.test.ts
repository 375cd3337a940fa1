import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '@/lib/store/db';
import { forEachEngine } from '@/tests/support/engines';
import { callProxy, errorOf, restoreEnv, setEnv } from '../proxy/support/harness';
import { testIdentity } from '../proxy/support/identity';
import { startTestEmulator, type EmulatorHandle } from '../proxy/support/emulator';
import { okRun, startFaultUpstream, type FaultUpstream } from '../proxy/support/fault-upstream';

// Every mutation through the proxy leaves an audit record on both engines: the intent, written before the request is
// forwarded, then its outcome. Reasons come from X-Runboard-Reason; records hold counts and keys, never bodies.

let emulator: EmulatorHandle;
let fault: FaultUpstream;
let assistantId: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  fault = await startFaultUpstream();
  const assistants = await emulator.call<{ data: Array<{ id: string }> }>('GET', '/assistants?limit=1');
  assistantId = assistants.data[0]!.id;
});
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
  await fault?.close();
});

const useEmulator = () => setEnv({ OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off', RUNBOARD_POLL_CACHE_MS: '0' });
const useFault = () => setEnv({ OPENAI_BASE_URL: fault.url, OPENAI_API_KEY: 'sk-audit-fault-000000', RUNBOARD_LOG: 'off', RUNBOARD_UPSTREAM_RETRIES: '0' });

async function recordsFor(store: Store, requestId: string) {
  return store.db.selectFrom('audit_log').selectAll().where('request_id', '=', requestId).execute();
}

async function createStuckRun(): Promise<{ threadId: string; runId: string }> {
  const res = await callProxy('POST', '/threads/runs', { body: { assistant_id: assistantId, metadata: { scenario: 'stuck_in_progress' }, thread: { messages: [{ role: 'user', content: 'secret customer text' }] } } });
  const run = (await res.json()) as { id: string; thread_id: string };
  return { threadId: run.thread_id, runId: run.id };
}

forEachEngine('audit of proxied mutations', (getStore) => {
  // The suite's signed-in admin (password hashing, token) is made before any timed wait.
  beforeAll(() => testIdentity('admin'));

  it('cancel: the intent is in the log while the request is in flight, the outcome is appended after', async () => {
    useFault();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    fault.reset();
    fault.script({ kind: 'gated', gate, answer: { kind: 'json', status: 200, body: okRun('run_a1', 'cancelling'), headers: { 'x-request-id': 'req_up_cancel' } } });
    const pending = callProxy('POST', '/threads/thread_a1/runs/run_a1/cancel', { headers: { 'x-runboard-reason': 'customer asked', 'user-agent': 'audit-test/1' } });
    await expect.poll(() => fault.hits.length).toBe(1);
    const inFlight = await getStore().db.selectFrom('audit_log').selectAll().where('run_id', '=', 'run_a1').execute();
    expect(inFlight).toHaveLength(1);
    expect(inFlight[0]).toMatchObject({ category: 'mutation', action: 'run.cancel', thread_id: 'thread_a1', reason: 'customer asked', outcome: null, outcome_status: null, actor_kind: 'token', actor_email: 'admin@proxy.test', actor_role: 'admin', user_agent: 'audit-test/1' });
    open();
    const res = await pending;
    expect(res.status).toBe(200);
    const [row] = await recordsFor(getStore(), inFlight[0]!.request_id!);
    expect(row).toMatchObject({ outcome: 'success', outcome_status: 200, upstream_request_id: 'req_up_cancel' });
    expect(row!.outcome_at_ms).toBeGreaterThanOrEqual(row!.at_ms);
  });

  it('an upstream refusal is recorded as a failure with its status', async () => {
    useFault();
    fault.reset();
    fault.script({ kind: 'json', status: 400, body: { error: { message: 'Cannot cancel run with status completed.', type: 'invalid_request_error', param: null, code: null } } });
    const res = await callProxy('POST', '/threads/thread_a2/runs/run_a2/cancel');
    expect(res.status).toBe(400);
    const rows = await getStore().db.selectFrom('audit_log').selectAll().where('run_id', '=', 'run_a2').execute();
    expect(rows).toMatchObject([{ action: 'run.cancel', outcome: 'failure', outcome_status: 400, reason: null }]);
  });

  it('a reason over 500 characters is refused with 400: nothing forwarded, nothing recorded', async () => {
    useEmulator();
    const { threadId, runId } = await createStuckRun();
    await emulator.clearRequests();
    const res = await callProxy('POST', `/threads/${threadId}/runs/${runId}/cancel`, { headers: { 'x-runboard-reason': 'x'.repeat(501) } });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ param: 'X-Runboard-Reason', message: expect.stringMatching(/at most 500 characters/) });
    expect(await emulator.apiRequests()).toEqual([]);
    const rows = await getStore().db.selectFrom('audit_log').select('action').where('run_id', '=', runId).execute();
    expect(rows.map((r) => r.action)).toEqual(['thread_and_run.create']);
  });

  it('create thread and run: the record gets the new ids and counts, never the message text', async () => {
    useEmulator();
    const { threadId, runId } = await createStuckRun();
    const rows = await getStore().db.selectFrom('audit_log').selectAll().where('run_id', '=', runId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'thread_and_run.create', thread_id: threadId, outcome: 'success', outcome_status: 200 });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ assistant_id: assistantId, messages: 1, metadata_keys: ['scenario'] });
    expect(JSON.stringify(rows[0])).not.toContain('secret customer text');
  });

  it('modify, submit tool outputs and cancel on one run: keys and counts only, reasons in any script', async () => {
    useEmulator();
    const created = await callProxy('POST', '/threads/runs', { body: { assistant_id: assistantId, metadata: { scenario: 'expire' } } });
    const { id, thread_id } = (await created.json()) as { id: string; thread_id: string };
    const base = `/threads/${thread_id}/runs/${id}`;
    await emulator.advance(5);
    const run = (await (await callProxy('GET', base)).json()) as { id: string; status: string; required_action: { submit_tool_outputs: { tool_calls: Array<{ id: string }> } } };
    expect(run.status).toBe('requires_action');
    const modify = await callProxy('POST', base, { body: { metadata: { ticket: 'T-99 private', priority: 'high' } }, headers: { 'x-runboard-reason': `utf-8''${encodeURIComponent('Kundin bat darum — ü ✓')}` } });
    expect(modify.status).toBe(200);
    const calls = run.required_action.submit_tool_outputs.tool_calls;
    const submit = await callProxy('POST', `${base}/submit_tool_outputs`, { body: { tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: 'approved by a human' })) } });
    expect(submit.status).toBe(200);
    // Raw UTF-8 bytes in the header (what curl sends) arrive as Latin-1 and are read back as UTF-8.
    const latin1 = String.fromCharCode(...new TextEncoder().encode('déjà vu'));
    const cancel = await callProxy('POST', `${base}/cancel`, { headers: { 'x-runboard-reason': latin1 } });
    expect([200, 400]).toContain(cancel.status);
    const rows = await getStore().db.selectFrom('audit_log').selectAll().where('run_id', '=', run.id).orderBy('at_ms').orderBy('action').execute();
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r]));
    expect(JSON.parse(byAction['run.modify']!.detail!)).toEqual({ metadata_keys: ['priority', 'ticket'] });
    expect(byAction['run.modify']!.reason).toBe('Kundin bat darum — ü ✓');
    expect(JSON.parse(byAction['run.submit_tool_outputs']!.detail!)).toEqual({ tool_outputs: calls.length });
    expect(byAction['run.cancel']!.reason).toBe('déjà vu');
    const all = JSON.stringify(rows);
    expect(all).not.toContain('T-99 private');
    expect(all).not.toContain('approved by a human');
  });
});
