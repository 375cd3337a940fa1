import { afterAll, beforeAll, expect, it } from 'vitest';
import { GET as searchGET, POST as registerPOST } from '@/app/api/index/threads/route';
import { POST as csvPOST } from '@/app/api/index/threads/csv/route';
import { GET as inboxGET } from '@/app/api/inbox/route';
import { GET as countGET } from '@/app/api/inbox/count/route';
import { GET as eventsGET } from '@/app/api/inbox/events/route';
import { DELETE as releaseDELETE, PUT as claimPUT } from '@/app/api/runs/[runId]/claim/route';
import { GET as notesGET, POST as notesPOST } from '@/app/api/notes/route';
import { DELETE as noteDELETE, PATCH as notePATCH } from '@/app/api/notes/[noteId]/route';
import { GET as rulesGET, PUT as rulesPUT } from '@/app/api/admin/stuck-rules/route';
import { DELETE as unwatchDELETE, PUT as watchPUT } from '@/app/api/threads/[threadId]/watch/route';
import { applyRunObjects as applyRuns } from '@/lib/store/index-runs';
import { eventBus } from '@/lib/watch/events';
import { DEFAULT_STUCK_RULES } from '@/lib/watch/stuck-rules';
import { setUpstreamOffset } from '@/lib/upstream/clock';
import { forEachEngine } from '@/tests/support/engines';
import { ORIGIN, restoreEnv, setEnv } from '../proxy/support/harness';
import { testIdentity } from '../proxy/support/identity';
import type { Role } from '@/lib/view/roles';

// The index and inbox API on both engines: registration (new / known / refused with why), search, watches, the inbox
// computed from indexed runs by the stuck rules, claims (one owner), notes (edit window, admin delete), the rules
// themselves, the SSE stream's hello and inbox events, and every change in the audit log.

type Json = Record<string, any>;
const headers = new Map<Role | 'operator-token', Record<string, string>>();
const call = async (handler: (r: Request, c?: any) => Promise<Response>, method: string, path: string, who: Role | 'operator-token', body?: unknown, params?: Record<string, string>) => {
  const init: RequestInit = { method, headers: { ...headers.get(who), ...(body !== undefined ? { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' } : {}) } };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const request = new Request(`${ORIGIN}${path}`, init);
  return params ? handler(request, { params: Promise.resolve(params) }) : handler(request);
};
const json = async (r: Response) => (await r.json()) as Json;

// What the watcher does after a read: record, then announce.
const applyRunObjects = async (...args: Parameters<typeof applyRuns>) => eventBus().inboxChanged(await applyRuns(...args));

const NOW = Math.floor(Date.now() / 1000);
const run = (id: string, thread: string, status: string, extra: Json = {}) => ({ id, object: 'thread.run', thread_id: thread, assistant_id: 'asst_inbox', created_at: NOW - 3600, status, started_at: null, expires_at: NOW + 600, ...extra });

forEachEngine('index and inbox API', (getStore) => {
  beforeAll(async () => {
    setEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:9', OPENAI_API_KEY: 'sk-inbox-api-000000', RUNBOARD_LOG: 'off' });
    setUpstreamOffset('default', 0);
    for (const role of ['viewer', 'operator', 'admin'] as const) {
      const identity = await testIdentity(role);
      headers.set(role, { cookie: await identity.cookie() });
      if (role === 'operator') headers.set('operator-token', { authorization: `Bearer ${identity.token}` });
    }
  });
  afterAll(() => restoreEnv());

  it('registers threads by token: new, known and refused with why; 400 for a malformed body or over 1,000', async () => {
    const body = { threads: [{ id: 'thread_reg1', customer_ref: 'CUST-0042', labels: ['vip'] }, { id: 'thread_reg2' }, { id: 'bad id!' }, { id: 'thread_reg1' }, { nope: 1 }] };
    const first = await json(await call(registerPOST, 'POST', '/api/index/threads', 'operator-token', body));
    expect(first).toMatchObject({ new: 2, known: 0 });
    expect(first.refused.map((r: Json) => [r.index, r.reason.split(':')[0].split(' ')[0]])).toEqual([[2, 'invalid'], [3, 'duplicate'], [4, 'missing']]);
    const again = await json(await call(registerPOST, 'POST', '/api/index/threads', 'operator', { threads: [{ id: 'thread_reg2', customer_ref: 'CUST-0043' }] }));
    expect(again).toEqual({ new: 0, known: 1, refused: [] });
    expect((await call(registerPOST, 'POST', '/api/index/threads', 'viewer', body)).status).toBe(403);
    expect((await call(registerPOST, 'POST', '/api/index/threads', 'operator', { threads: 'x' })).status).toBe(400);
    const tooMany = { threads: Array.from({ length: 1001 }, (_, i) => ({ id: `thread_m${i}` })) };
    const refused = await call(registerPOST, 'POST', '/api/index/threads', 'operator', tooMany);
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.code).toBe('too_many_threads');
  });

  it('admins register a CSV of ids (header optional, labels split on ;)', async () => {
    const csv = 'id,customer_ref,labels\nthread_csv1,"ACME, Inc.",billing;urgent\n\nthread_csv2\n';
    expect((await call(csvPOST, 'POST', '/api/index/threads/csv', 'operator', csv)).status).toBe(403);
    const answer = await json(await call(csvPOST, 'POST', '/api/index/threads/csv', 'admin', csv));
    expect(answer).toEqual({ new: 2, known: 0, refused: [] });
    const found = await json(await call(searchGET, 'GET', '/api/index/threads?q=acme', 'viewer'));
    expect(found.data.map((t: Json) => [t.thread_id, t.customer_ref, t.labels, t.source])).toEqual([['thread_csv1', 'ACME, Inc.', ['billing', 'urgent'], 'registered']]);
  });

  it('searches by id prefix, customer ref, status and watched=me, with a cursor', async () => {
    const byRef = await json(await call(searchGET, 'GET', '/api/index/threads?q=cust-0042', 'viewer'));
    expect(byRef.data.map((t: Json) => t.thread_id)).toEqual(['thread_reg1']);
    const byPrefix = await json(await call(searchGET, 'GET', '/api/index/threads?q=thread_reg&limit=1', 'viewer'));
    expect(byPrefix.data).toHaveLength(1);
    expect(byPrefix.has_more).toBe(true);
    const next = await json(await call(searchGET, 'GET', `/api/index/threads?q=thread_reg&limit=1&cursor=${byPrefix.next_cursor}`, 'viewer'));
    expect(next.data.map((t: Json) => t.thread_id)).not.toEqual(byPrefix.data.map((t: Json) => t.thread_id));
    expect(next.has_more).toBe(false);
    expect((await call(searchGET, 'GET', '/api/index/threads?status=bogus', 'viewer')).status).toBe(400);
    expect((await call(searchGET, 'GET', '/api/index/threads?limit=0', 'viewer')).status).toBe(400);

    const watched = await json(await call(watchPUT, 'PUT', '/api/threads/thread_reg2/watch', 'viewer', undefined, { threadId: 'thread_reg2' }));
    expect(watched).toEqual({ thread_id: 'thread_reg2', watching: true, watchers: 1 });
    const mine = await json(await call(searchGET, 'GET', '/api/index/threads?watched=me', 'viewer'));
    expect(mine.data.map((t: Json) => [t.thread_id, t.watched_by_me, t.watchers])).toEqual([['thread_reg2', true, 1]]);
    expect((await json(await call(searchGET, 'GET', '/api/index/threads?watched=me', 'operator'))).data).toEqual([]);
    const unwatched = await json(await call(unwatchDELETE, 'DELETE', '/api/threads/thread_reg2/watch', 'viewer', undefined, { threadId: 'thread_reg2' }));
    expect(unwatched).toEqual({ thread_id: 'thread_reg2', watching: false, watchers: 0 });
  });

  it('lists stuck runs longest-stuck first with reasons from the diagnosis; claims have one owner; notes are audited', async () => {
    const { db } = getStore();
    const stream = await call(eventsGET, 'GET', '/api/inbox/events', 'viewer');
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}`);
        buffer += decoder.decode(value);
      }
    };
    await until(/event: hello\ndata: (.*)\n\n/);
    expect(JSON.parse(/event: hello\ndata: (.*)\n/.exec(buffer)![1]!)).toMatchObject({ counts: { stuck: 0, unclaimed: 0 } });

    await applyRunObjects(db, 'default', [
      run('run_queued', 'thread_reg1', 'queued', { created_at: NOW - 600 }),
      run('run_fresh', 'thread_csv1', 'queued', { created_at: NOW - 10 }),
      run('run_failed', 'thread_csv2', 'failed', { failed_at: NOW - 60, last_error: { code: 'server_error', message: 'boom' } }),
      run('run_near', 'thread_reg2', 'requires_action', { expires_at: NOW + 60, started_at: NOW - 30 }),
    ], NOW);
    const inbox = await json(await call(inboxGET, 'GET', '/api/inbox', 'viewer'));
    expect(inbox.data.map((i: Json) => [i.run_id, i.reason_code])).toEqual([
      ['run_queued', 'queued_too_long'],
      ['run_near', 'requires_action_near_expiry'],
      ['run_failed', 'ended_badly'],
    ]);
    expect(inbox.data[0]).toMatchObject({ thread_id: 'thread_reg1', customer_ref: 'CUST-0042', status: 'queued', state_since: NOW - 600, state_since_is_lower_bound: false, claim: null, assistant_id: 'asst_inbox' });
    expect(inbox.data[0].reason).toMatch(/queued 10 min, over the 2 min rule/);
    expect(inbox.data[2].reason).toMatch(/^Failed: server_error/);
    expect(inbox.counts).toEqual({ stuck: 3, unclaimed: 3 });
    expect(await json(await call(countGET, 'GET', '/api/inbox/count', 'viewer'))).toEqual({ stuck: 3, unclaimed: 3 });
    expect((await json(await call(inboxGET, 'GET', '/api/inbox?reason=ended_badly', 'viewer'))).data.map((i: Json) => i.run_id)).toEqual(['run_failed']);
    const page = await json(await call(inboxGET, 'GET', '/api/inbox?limit=2', 'viewer'));
    expect(page.has_more).toBe(true);
    expect((await json(await call(inboxGET, 'GET', `/api/inbox?limit=2&cursor=${page.next_cursor}`, 'viewer'))).data.map((i: Json) => i.run_id)).toEqual(['run_failed']);

    expect((await call(claimPUT, 'PUT', '/api/runs/run_queued/claim', 'viewer', { thread_id: 'thread_reg1' }, { runId: 'run_queued' })).status).toBe(403);
    const claimed = await json(await call(claimPUT, 'PUT', '/api/runs/run_queued/claim', 'operator', { thread_id: 'thread_reg1' }, { runId: 'run_queued' }));
    expect(claimed.claim).toMatchObject({ run_id: 'run_queued', user_name: 'Proxy operator' });
    expect(claimed.claim.expires_at - claimed.claim.claimed_at).toBe(DEFAULT_STUCK_RULES.claim_ttl_seconds);
    await until(/event: inbox\ndata: .*"run_queued"/);
    const conflict = await call(claimPUT, 'PUT', '/api/runs/run_queued/claim', 'admin', { thread_id: 'thread_reg1' }, { runId: 'run_queued' });
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).error).toMatchObject({ code: 'already_claimed', claim: { user_name: 'Proxy operator' } });
    expect((await json(await call(inboxGET, 'GET', '/api/inbox?claim=mine', 'operator'))).data.map((i: Json) => i.run_id)).toEqual(['run_queued']);
    expect((await json(await call(countGET, 'GET', '/api/inbox/count', 'viewer')))).toEqual({ stuck: 3, unclaimed: 2 });

    const note = await call(notesPOST, 'POST', '/api/notes', 'operator', { thread_id: 'thread_reg1', run_id: 'run_queued', body: '  Customer says it is urgent <b>now</b>  ' });
    expect(note.status).toBe(201);
    const created = (await json(note)).note;
    expect(created).toMatchObject({ body: 'Customer says it is urgent <b>now</b>', author_name: 'Proxy operator', edited_at: null });
    expect(created.editable_until - created.created_at).toBe(600);
    expect((await call(notePATCH, 'PATCH', `/api/notes/${created.id}`, 'admin', { body: 'hijack' }, { noteId: created.id })).status).toBe(403);
    const edited = await json(await call(notePATCH, 'PATCH', `/api/notes/${created.id}`, 'operator', { body: 'Customer says urgent' }, { noteId: created.id }));
    expect(edited.note.body).toBe('Customer says urgent');
    expect((await call(notesPOST, 'POST', '/api/notes', 'operator', { thread_id: 'thread_reg1', body: '' })).status).toBe(400);
    await call(notesPOST, 'POST', '/api/notes', 'operator', { thread_id: 'thread_reg1', body: 'thread-level note' });
    const notes = await json(await call(notesGET, 'GET', '/api/notes?thread_id=thread_reg1', 'viewer'));
    expect(notes.data.map((n: Json) => n.body)).toEqual(['thread-level note', 'Customer says urgent']);
    expect((await json(await call(notesGET, 'GET', '/api/notes?thread_id=thread_reg1&run_id=run_queued', 'viewer'))).data).toHaveLength(1);
    expect((await json(await call(inboxGET, 'GET', '/api/inbox', 'viewer'))).data[0].last_note.body).toBe('Customer says urgent');
    expect((await call(noteDELETE, 'DELETE', `/api/notes/${created.id}`, 'operator', undefined, { noteId: created.id })).status).toBe(403);
    expect((await call(noteDELETE, 'DELETE', `/api/notes/${created.id}`, 'admin', undefined, { noteId: created.id })).status).toBe(204);

    expect((await call(releaseDELETE, 'DELETE', '/api/runs/run_queued/claim', 'operator', undefined, { runId: 'run_queued' })).status).toBe(200);
    expect(await json(await call(countGET, 'GET', '/api/inbox/count', 'viewer'))).toEqual({ stuck: 3, unclaimed: 3 });

    // A run that completes leaves the inbox.
    await applyRunObjects(db, 'default', [run('run_queued', 'thread_reg1', 'completed', { completed_at: NOW })], NOW);
    expect((await json(await call(inboxGET, 'GET', '/api/inbox', 'viewer'))).data.map((i: Json) => i.run_id)).toEqual(['run_near', 'run_failed']);
    await reader.cancel();

    const actions = (await db.selectFrom('audit_log').select(['action', 'run_id', 'thread_id']).orderBy('at_ms').execute()).map((a) => a.action);
    for (const action of ['index.threads_registered', 'thread.watched', 'thread.unwatched', 'run.claimed', 'note.created', 'note.edited', 'note.deleted', 'run.released']) expect(actions).toContain(action);
  });

  it('stuck rules: viewers read, admins change (integers within bounds, audited), the inbox follows', async () => {
    const { db } = getStore();
    expect(await json(await call(rulesGET, 'GET', '/api/admin/stuck-rules', 'viewer'))).toEqual(DEFAULT_STUCK_RULES);
    const next = { ...DEFAULT_STUCK_RULES, queued_seconds: 3600 };
    expect((await call(rulesPUT, 'PUT', '/api/admin/stuck-rules', 'operator', next)).status).toBe(403);
    const bad = await call(rulesPUT, 'PUT', '/api/admin/stuck-rules', 'admin', { ...next, cancelling_seconds: 1.5 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.param).toBe('cancelling_seconds');
    expect((await call(rulesPUT, 'PUT', '/api/admin/stuck-rules', 'admin', { queued_seconds: 60 })).status).toBe(400);
    expect(await json(await call(rulesPUT, 'PUT', '/api/admin/stuck-rules', 'admin', next))).toEqual(next);
    expect(await json(await call(rulesGET, 'GET', '/api/admin/stuck-rules', 'viewer'))).toEqual(next);
    await applyRunObjects(db, 'default', [run('run_queued2', 'thread_reg1', 'queued', { created_at: NOW - 600 })], NOW);
    expect((await json(await call(inboxGET, 'GET', '/api/inbox?reason=queued_too_long', 'viewer'))).data).toEqual([]);
    const record = await db.selectFrom('audit_log').select(['detail']).where('action', '=', 'setting.changed').executeTakeFirstOrThrow();
    expect(JSON.parse(record.detail!)).toEqual({ setting: 'stuck_rules', changed: { queued_seconds: 3600 } });
  });
});
