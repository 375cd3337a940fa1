import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { forEachEngine } from '@/tests/support/engines';
import { recordProxiedAnswer } from './record-proxied';
import { findThreadForRun, listRecentThreads } from './threads-seen';

const run = (id: string, thread: string, created: number, status = 'completed') => ({ id, object: 'thread.run', thread_id: thread, created_at: created, status });
const userMsg = (text: string, created: number) => ({ object: 'thread.message', role: 'user', created_at: created, content: [{ type: 'text', text: { value: text, annotations: [] } }] });

forEachEngine('recordProxiedAnswer', (getStore) => {
  it('a thread answer records the thread with its metadata title', async () => {
    const { db } = getStore();
    const C = `conn-${randomUUID()}`;
    await recordProxiedAnswer(db, { connectionId: C, endpointId: 'getThread', params: { thread_id: 'thread_a' }, status: 200, body: { id: 'thread_a', object: 'thread', created_at: 5, metadata: { title: 'Refund ticket #42' } } });
    expect((await listRecentThreads(db, C))[0]).toMatchObject({ threadId: 'thread_a', title: 'Refund ticket #42', createdAt: 5 });
  });

  it('a runs list records every run so a run id can be looked up later', async () => {
    const { db } = getStore();
    const C = `conn-${randomUUID()}`;
    await recordProxiedAnswer(db, {
      connectionId: C,
      endpointId: 'listRuns',
      params: { thread_id: 'thread_a' },
      status: 200,
      body: { object: 'list', data: [run('run_2', 'thread_a', 20, 'failed'), run('run_1', 'thread_a', 10)], has_more: false },
    });
    expect(await findThreadForRun(db, C, 'run_1')).toBe('thread_a');
    expect((await listRecentThreads(db, C))[0]?.lastRun).toMatchObject({ id: 'run_2', status: 'failed' });
  });

  it('create-thread-and-run records the new thread through its run', async () => {
    const { db } = getStore();
    const C = `conn-${randomUUID()}`;
    await recordProxiedAnswer(db, { connectionId: C, endpointId: 'createThreadAndRun', params: {}, status: 200, body: run('run_9', 'thread_new', 30, 'queued') });
    expect((await listRecentThreads(db, C)).map((t) => t.threadId)).toEqual(['thread_new']);
  });

  it('names a thread by its first user message only when the page holds the oldest message', async () => {
    const { db } = getStore();
    const C = `conn-${randomUUID()}`;
    const base = { connectionId: C, endpointId: 'listMessages', params: { thread_id: 'thread_a' }, status: 200 };
    await recordProxiedAnswer(db, { ...base, query: {}, body: { object: 'list', data: [userMsg('later question', 50)], has_more: true } });
    expect((await listRecentThreads(db, C))[0]?.title).toBeNull();
    await recordProxiedAnswer(db, { ...base, query: {}, body: { object: 'list', data: [userMsg('second', 20), userMsg('Why is my run stuck?', 10)], has_more: false } });
    expect((await listRecentThreads(db, C))[0]?.title).toBe('Why is my run stuck?');
  });

  it('ignores errors and unknown bodies', async () => {
    const { db } = getStore();
    const C = `conn-${randomUUID()}`;
    await recordProxiedAnswer(db, { connectionId: C, endpointId: 'getRun', params: {}, status: 404, body: run('run_1', 'thread_a', 1) });
    await recordProxiedAnswer(db, { connectionId: C, endpointId: 'listAssistants', params: {}, status: 200, body: { object: 'list', data: [{ object: 'assistant', id: 'asst_1' }] } });
    expect(await listRecentThreads(db, C)).toEqual([]);
  });

  it('a 404 for a thread marks it gone (off the recent list, kept in the index, its runs no longer watched), leaving other threads alone', async () => {
    const { db } = getStore();
    const C = `conn-${randomUUID()}`;
    const list = (thread: string, runId: string) => ({ connectionId: C, endpointId: 'listRuns', params: { thread_id: thread }, status: 200, body: { object: 'list', data: [run(runId, thread, 1, 'queued')], has_more: false } });
    await recordProxiedAnswer(db, list('thread_gone', 'run_gone'));
    await recordProxiedAnswer(db, list('thread_kept', 'run_kept'));
    const notFound = { error: { message: "No thread found with id 'thread_gone'.", type: 'invalid_request_error', param: null, code: null } };
    await recordProxiedAnswer(db, { connectionId: C, endpointId: 'getThread', params: { thread_id: 'thread_gone' }, status: 404, body: notFound });
    expect((await listRecentThreads(db, C)).map((t) => t.threadId)).toEqual(['thread_kept']);
    const gone = await db.selectFrom('threads_seen').select(['gone_at']).where('connection_id', '=', C).where('thread_id', '=', 'thread_gone').executeTakeFirstOrThrow();
    expect(gone.gone_at).toBeGreaterThan(0);
    const runs = await db.selectFrom('runs_seen').select(['run_id', 'next_check_at_ms']).where('connection_id', '=', C).orderBy('run_id').execute();
    expect(runs).toEqual([{ run_id: 'run_gone', next_check_at_ms: null }, { run_id: 'run_kept', next_check_at_ms: 0 }]);
    expect(await findThreadForRun(db, C, 'run_kept')).toBe('thread_kept');
  });
});
