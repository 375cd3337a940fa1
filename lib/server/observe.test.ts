import { beforeEach, expect, it } from 'vitest';
import { countThreadsSeen, findThreadForRun } from '@/lib/store/threads-seen';
import { forEachEngine } from '@/tests/support/engines';
import { withUnreachableUpstream } from '@/tests/support/unreachable-upstream';
import { setLogSink } from './log';
import { handleLookup } from './lookup';
import { flushObservedAnswers, forgetRecentSightings, observeProxiedResponse } from './observe';
import { handleRecentThreads } from './recent-threads';

// Recording what the proxy saw happens after the answer has gone out, in batches. What a user notices: nothing
// seen is lost, and the home page and run lookup show it at once — on both database engines.

withUnreachableUpstream('sk-observe-test-000000000000');

const run = (i: number, threadId = `thread_obs${i}`) => ({
  connectionId: 'default',
  endpointId: 'getRun',
  params: { thread_id: threadId, run_id: `run_obs${i}` },
  status: 200,
  body: { id: `run_obs${i}`, object: 'thread.run', thread_id: threadId, status: 'completed', created_at: 1_700_000_000 + i },
});

forEachEngine('recording proxied answers', (getStore) => {
  beforeEach(async () => {
    await flushObservedAnswers();
    await getStore().db.deleteFrom('threads_seen').execute();
    await getStore().db.deleteFrom('runs_seen').execute();
    forgetRecentSightings();
  });

  it('a run polled over and over is written once per status, and a new status at once', async () => {
    const { db } = getStore();
    const statusOf = async () =>
      ((await db.selectFrom('runs_seen').select('status').where('run_id', '=', 'run_obs5').executeTakeFirst()) as { status: string } | undefined)?.status;
    observeProxiedResponse(run(5));
    await flushObservedAnswers();
    expect(await statusOf()).toBe('completed');
    await db.deleteFrom('runs_seen').execute();
    // The same answer again (a page polling): not written again.
    for (let i = 0; i < 20; i += 1) observeProxiedResponse(run(5));
    await flushObservedAnswers();
    expect(await statusOf()).toBeUndefined();
    // A new status is news: written at once.
    observeProxiedResponse({ ...run(5), body: { ...run(5).body, status: 'expired' } });
    await flushObservedAnswers();
    expect(await statusOf()).toBe('expired');
  });

  it('does not write while the answer is being sent, and writes every queued answer in one go right after', async () => {
    const { db } = getStore();
    for (let i = 0; i < 40; i += 1) observeProxiedResponse(run(i));
    expect(await countThreadsSeen(db, 'default')).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    await flushObservedAnswers();
    expect(await countThreadsSeen(db, 'default')).toBe(40);
    expect(await findThreadForRun(db, 'default', 'run_obs39')).toBe('thread_obs39');
  });

  it('a burst larger than the queue loses nothing', async () => {
    for (let i = 0; i < 1_000; i += 1) observeProxiedResponse(run(i));
    await flushObservedAnswers();
    expect(await countThreadsSeen(getStore().db, 'default')).toBe(1_000);
  });

  it('an answer that cannot be recorded does not cost the others their sightings', async () => {
    const { db } = getStore();
    observeProxiedResponse(run(1));
    // A thread id the store's NOT NULL column refuses, as a malformed upstream answer could carry.
    observeProxiedResponse({ ...run(2), body: { object: 'thread', id: 'thread_x', metadata: {} }, params: {}, connectionId: null as unknown as string });
    observeProxiedResponse(run(3));
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    await flushObservedAnswers();
    setLogSink(null);
    expect(lines.join('\n')).toContain('store.record_failed');
    expect(await findThreadForRun(db, 'default', 'run_obs1')).toBe('thread_obs1');
    expect(await findThreadForRun(db, 'default', 'run_obs3')).toBe('thread_obs3');
  });

  it('recent threads and run lookup see an answer the moment it has been passed on', async () => {
    observeProxiedResponse(run(7, 'thread_justseen7'));
    const lookup = await handleLookup(new Request('http://localhost/api/lookup?run_id=run_obs7'));
    expect(await lookup.json()).toMatchObject({ thread_id: 'thread_justseen7', source: 'store' });
    observeProxiedResponse(run(8, 'thread_justseen8'));
    const recent = (await (await handleRecentThreads(new Request('http://localhost/api/threads/recent?limit=5'))).json()) as { data: Array<{ thread_id: string }> };
    expect(recent.data.map((t) => t.thread_id)).toContain('thread_justseen8');
  });
});
