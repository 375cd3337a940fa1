import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { GET as exportGET } from '@/app/api/audit/export/route';
import { GET as historyGET } from '@/app/api/audit/history/route';
import { GET as listGET } from '@/app/api/audit/route';
import type { Caller } from '@/lib/server/access';
import { recordMutationIntent, recordMutationOutcome, recordSecurityEvent } from '@/lib/server/audit';
import { applyAuditRetention } from '@/lib/store/audit-log';
import { forEachEngine } from '@/tests/support/engines';
import { withIdentity } from '../proxy/support/identity';

// The /audit API on both engines: filters, cursor pages, streamed exports, the history of one run, retention.

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const MIN = 60_000;
const base = { address: '10.0.0.7', userAgent: 'vitest' };
const alice: Caller = { ...base, kind: 'user', id: 'user_alice', name: 'Alice Admin', email: 'alice@example.com', role: 'admin', sessionId: 'sess_1' };
const olga: Caller = { ...base, kind: 'user', id: 'user_olga', name: 'Olga Operator', email: 'olga@example.com', role: 'operator', sessionId: 'sess_2' };
const script: Caller = { ...base, kind: 'token', id: 'user_olga', name: 'Olga Operator', email: 'olga@example.com', role: 'operator', tokenId: 'tok_9', tokenName: 'nightly' };

// Asked as an admin (a personal token of a real user in the suite's store).
const get = async (handler: (r: Request) => Promise<Response>, path: string) => handler(await withIdentity(new Request(`http://localhost${path}`)));
const json = async (res: Response) => (await res.json()) as { data: Array<Record<string, unknown>>; next_cursor: string | null; has_more: boolean; error?: { param: string } };

async function at<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  vi.setSystemTime(ms);
  return fn();
}

forEachEngine('audit API', (getStore) => {
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cancel = await at(T0, () => recordMutationIntent({ caller: olga, action: 'run.cancel', connectionId: 'default', threadId: 'thread_1', runId: 'run_1', reason: 'customer asked', requestId: 'req_1' }));
    await at(T0 + 1000, () => recordMutationOutcome(cancel.id, { status: 200, upstreamRequestId: 'up_1' }));
    await at(T0 + 1 * MIN, () => recordMutationIntent({ caller: script, action: 'run.submit_tool_outputs', connectionId: 'default', threadId: 'thread_1', runId: 'run_1', detail: { tool_outputs: 2 }, requestId: 'req_2' }));
    const modify = await at(T0 + 2 * MIN, () => recordMutationIntent({ caller: alice, action: 'run.modify', connectionId: 'default', threadId: 'thread_2', runId: 'run_2', reason: '=HYPERLINK("http://evil")', detail: { metadata_keys: ['a'] }, requestId: 'req_3' }));
    await at(T0 + 2 * MIN + 5, () => recordMutationOutcome(modify.id, { status: 400 }));
    await at(T0 + 3 * MIN, () => recordSecurityEvent({ action: 'user.role_changed', actor: alice, outcome: 'success', subject: { userId: 'user_olga' }, detail: { from: 'viewer', to: 'operator' } }));
    for (let i = 0; i < 7; i++) {
      await at(T0 + (10 + i) * MIN, () => recordMutationIntent({ caller: olga, action: 'run.create', connectionId: 'default', threadId: 'thread_3', requestId: `req_c${i}`, reason: `note, with "quotes"\nline ${i}` }));
    }
    vi.useRealTimers();
  });
  afterAll(() => vi.useRealTimers());

  it('lists newest first with actor, reason and outcome (unknown when no answer was recorded)', async () => {
    const body = await json(await get(listGET, '/api/audit?run_id=run_1'));
    expect(body.data).toMatchObject([
      { action: 'run.submit_tool_outputs', outcome: 'unknown', status: null, actor: { kind: 'token', token_id: 'tok_9', role: 'operator' }, detail: { tool_outputs: 2 } },
      { action: 'run.cancel', outcome: 'success', status: 200, reason: 'customer asked', upstream_request_id: 'up_1', actor: { name: 'Olga Operator', email: 'olga@example.com' }, at: T0 },
    ]);
  });

  it('filters by actor, action, thread, outcome, category and time range', async () => {
    const ids = async (q: string) => (await json(await get(listGET, `/api/audit?${q}`))).data.map((d) => d.action);
    expect(await ids('actor=alice@example.com')).toEqual(['user.role_changed', 'run.modify']);
    expect(await ids('action=run.cancel,run.modify')).toEqual(['run.modify', 'run.cancel']);
    expect(await ids('thread_id=thread_2')).toEqual(['run.modify']);
    expect(await ids('outcome=failure')).toEqual(['run.modify']);
    expect(await ids('category=security')).toEqual(['user.role_changed']);
    expect(await ids(`from=${T0 + MIN}&to=${new Date(T0 + 3 * MIN).toISOString()}`)).toEqual(['run.modify', 'run.submit_tool_outputs']);
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await json(await get(listGET, `/api/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...body.data.map((d) => String(d.id)));
      cursor = body.next_cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(11);
  });

  it('refuses bad filters with 400 naming the parameter', async () => {
    for (const [q, param] of [['outcome=maybe', 'outcome'], ['from=yesterday', 'from'], ['limit=500', 'limit'], ['cursor=zzz', 'cursor'], ['action=DROP TABLE', 'action'], [`from=${T0}&to=${T0}`, 'to']] as const) {
      const res = await get(listGET, `/api/audit?${q}`);
      expect(res.status, q).toBe(400);
      expect((await json(res)).error?.param, q).toBe(param);
    }
  });

  it('exports the filtered set as CSV (quoted, formula-safe) and as JSON Lines', async () => {
    const csv = await get(exportGET, '/api/audit/export?format=csv&actor=user_olga');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="runboard-audit-\d{8}T\d{6}Z\.csv"/);
    const text = await csv.text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^time,category,action,actor_kind/);
    expect(text).toContain('"note, with ""quotes""\nline 6"');
    expect(text).not.toContain('Alice');
    const all = await (await get(exportGET, '/api/audit/export?format=csv&thread_id=thread_2')).text();
    expect(all).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const jsonl = await get(exportGET, '/api/audit/export?format=jsonl&action=run.create');
    expect(jsonl.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const records = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l) as { action: string; at: number });
    expect(records).toHaveLength(7);
    const times = records.map((r) => r.at);
    expect(times).toEqual(times.toSorted((a, b) => b - a));
    expect((await get(exportGET, '/api/audit/export?format=xml')).status).toBe(400);
  });

  it('the history of a run or thread names who did what, without addresses', async () => {
    const run = await json(await get(historyGET, '/api/audit/history?thread_id=thread_1&run_id=run_1'));
    expect(run.data.map((d) => d.action)).toEqual(['run.submit_tool_outputs', 'run.cancel']);
    expect(run.data[1]).toMatchObject({ actor: { name: 'Olga Operator', role: 'operator' }, reason: 'customer asked', outcome: 'success' });
    expect(JSON.stringify(run.data)).not.toContain('10.0.0.7');
    const thread = await json(await get(historyGET, '/api/audit/history?thread_id=thread_3&limit=5'));
    expect(thread.data).toHaveLength(5);
    expect(thread.has_more).toBe(true);
    expect((await get(historyGET, '/api/audit/history?thread_id=../x')).status).toBe(400);
  });

  it('retention deletes only records older than the period', async () => {
    const { db } = getStore();
    const deleted = await applyAuditRetention(db, T0 + 365 * 24 * 60 * MIN + 5 * MIN, 365);
    expect(deleted).toBe(4); // the four records before T0 + 5 min
    const left = await json(await get(listGET, '/api/audit?limit=50'));
    expect(left.data).toHaveLength(7);
  });
});
