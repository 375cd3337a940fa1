import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { forEachEngine } from '@/tests/support/engines';
import { countThreadsSeen, findThreadForRun, forgetThread, getMeta, latestRunSeen, listRecentThreads, listRunsSeenOnThread, recordRunsSeen, recordThreadSeen, sampleIdsSeen, setMeta } from './threads-seen';

// Each test uses its own connection id: the store is shared by the suite, and connections never see each other's rows.
const connection = () => `conn-${randomUUID()}`;

forEachEngine('threads seen store', (getStore) => {
  it('lists threads newest-seen first, per connection', async () => {
    const { db } = getStore();
    const C = connection();
    const other = connection();
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', seenAt: 100 });
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_b', seenAt: 200 });
    await recordThreadSeen(db, { connectionId: other, threadId: 'thread_z', seenAt: 300 });
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', seenAt: 300 });
    expect((await listRecentThreads(db, C)).map((t) => t.threadId)).toEqual(['thread_a', 'thread_b']);
    expect(await countThreadsSeen(db, other)).toBe(1);
    // Seeing it again with an older time does not move it back.
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', seenAt: 50 });
    expect((await listRecentThreads(db, C))[0]).toMatchObject({ threadId: 'thread_a', lastSeenAt: 300, firstSeenAt: 100 });
  });

  it('metadata titles beat message snippets; snippets never overwrite', async () => {
    const { db } = getStore();
    const C = connection();
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'How do I  reset?', source: 'message' } });
    expect((await listRecentThreads(db, C))[0]?.title).toBe('How do I reset?');
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'Other question', source: 'message' } });
    expect((await listRecentThreads(db, C))[0]?.title).toBe('How do I reset?');
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'Billing: refund', source: 'metadata' } });
    await recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'Demo', source: 'emulator' } });
    expect((await listRecentThreads(db, C))[0]?.title).toBe('Billing: refund');
  });

  it('maps runs to threads and keeps the newest run per thread', async () => {
    const { db } = getStore();
    const C = connection();
    await recordRunsSeen(db, C, [
      { runId: 'run_1', threadId: 'thread_a', status: 'completed', createdAt: 10 },
      { runId: 'run_2', threadId: 'thread_a', status: 'failed', createdAt: 20 },
    ]);
    await recordRunsSeen(db, C, [{ runId: 'run_1', threadId: 'thread_a', status: 'completed', createdAt: 10 }]);
    expect(await findThreadForRun(db, C, 'run_2')).toBe('thread_a');
    expect(await findThreadForRun(db, connection(), 'run_2')).toBeNull();
    expect((await listRecentThreads(db, C))[0]?.lastRun).toEqual({ id: 'run_2', status: 'failed', createdAt: 20 });
  });

  it('a page repeating a run id records it once', async () => {
    const { db } = getStore();
    const C = connection();
    await recordRunsSeen(db, C, [
      { runId: 'run_1', threadId: 'thread_a', status: 'queued', createdAt: 10 },
      { runId: 'run_1', threadId: 'thread_a', status: 'completed', createdAt: 10 },
    ]);
    expect((await listRecentThreads(db, C))[0]?.lastRun).toEqual({ id: 'run_1', status: 'completed', createdAt: 10 });
  });

  it('forgets a thread and its runs', async () => {
    const { db } = getStore();
    const C = connection();
    await recordRunsSeen(db, C, [{ runId: 'run_1', threadId: 'thread_a' }]);
    await forgetThread(db, C, 'thread_a');
    expect(await listRecentThreads(db, C)).toEqual([]);
    expect(await findThreadForRun(db, C, 'run_1')).toBeNull();
  });

  it('keeps small settings in store_meta', async () => {
    const { db } = getStore();
    const key = `k-${randomUUID()}`;
    expect(await getMeta(db, key)).toBeNull();
    await setMeta(db, key, 'one');
    await setMeta(db, key, 'two');
    expect(await getMeta(db, key)).toBe('two');
  });

  it("takes the latest run's new status even from an answer without created_at (issue 9: 'expired' shown for a requires_action run)", async () => {
    const { db } = getStore();
    const C = connection();
    await recordRunsSeen(db, C, [{ runId: 'run_x', threadId: 'thread_x', status: 'expired', createdAt: 100 }], 100);
    // After a restart the emulator's directory names the same run, now requires_action, without its created_at.
    await recordRunsSeen(db, C, [{ runId: 'run_x', threadId: 'thread_x', status: 'requires_action' }], 110);
    expect((await listRecentThreads(db, C))[0]!.lastRun).toEqual({ id: 'run_x', status: 'requires_action', createdAt: 100 });
    // An older run's answer still never replaces the newest.
    await recordRunsSeen(db, C, [{ runId: 'run_old', threadId: 'thread_x', status: 'failed', createdAt: 50 }], 120);
    expect((await listRecentThreads(db, C))[0]!.lastRun).toEqual({ id: 'run_x', status: 'requires_action', createdAt: 100 });
  });

  it('lists the runs seen on a thread, newest first, with their last known status and when they were seen', async () => {
    const { db } = getStore();
    const C = connection();
    await recordRunsSeen(db, C, [{ runId: 'run_-a', threadId: 'thread__t', status: 'in_progress', createdAt: 10 }], 100);
    await recordRunsSeen(db, C, [{ runId: 'run_b', threadId: 'thread__t', status: 'queued', createdAt: 20 }], 110);
    await recordRunsSeen(db, C, [{ runId: 'run_c', threadId: 'thread_other', status: 'completed', createdAt: 30 }], 120);
    await recordRunsSeen(db, C, [{ runId: 'run_-a', threadId: 'thread__t', status: 'completed', createdAt: 10 }], 130);
    expect(await listRunsSeenOnThread(db, C, 'thread__t')).toEqual([
      { runId: 'run_b', threadId: 'thread__t', status: 'queued', createdAt: 20, seenAt: 110 },
      { runId: 'run_-a', threadId: 'thread__t', status: 'completed', createdAt: 10, seenAt: 130 },
    ]);
    expect(await listRunsSeenOnThread(db, connection(), 'thread__t')).toEqual([]);
    expect((await latestRunSeen(db, C))?.runId).toBe('run_-a');
    expect(await sampleIdsSeen(db, C)).toEqual(expect.arrayContaining(['thread__t', 'thread_other', 'run_-a', 'run_b', 'run_c']));
  });
});
