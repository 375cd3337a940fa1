import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { countThreadsSeen, findThreadForRun, forgetThread, latestRunSeen, listRecentThreads, listRunsSeenOnThread, recordRunsSeen, recordThreadSeen, sampleIdsSeen } from './threads-seen';

const C = 'default';

describe('threads seen store', () => {
  it('lists threads newest-seen first, per connection', () => {
    const db = openDb(':memory:');
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', seenAt: 100 });
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_b', seenAt: 200 });
    recordThreadSeen(db, { connectionId: 'other', threadId: 'thread_z', seenAt: 300 });
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', seenAt: 300 });
    expect(listRecentThreads(db, C).map((t) => t.threadId)).toEqual(['thread_a', 'thread_b']);
    expect(countThreadsSeen(db, 'other')).toBe(1);
    // Seeing it again with an older time does not move it back.
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', seenAt: 50 });
    expect(listRecentThreads(db, C)[0]).toMatchObject({ threadId: 'thread_a', lastSeenAt: 300, firstSeenAt: 100 });
  });

  it('metadata titles beat message snippets; snippets never overwrite', () => {
    const db = openDb(':memory:');
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'How do I  reset?', source: 'message' } });
    expect(listRecentThreads(db, C)[0]?.title).toBe('How do I reset?');
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'Other question', source: 'message' } });
    expect(listRecentThreads(db, C)[0]?.title).toBe('How do I reset?');
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'Billing: refund', source: 'metadata' } });
    recordThreadSeen(db, { connectionId: C, threadId: 'thread_a', title: { text: 'Demo', source: 'emulator' } });
    expect(listRecentThreads(db, C)[0]?.title).toBe('Billing: refund');
  });

  it('maps runs to threads and keeps the newest run per thread', () => {
    const db = openDb(':memory:');
    recordRunsSeen(db, C, [
      { runId: 'run_1', threadId: 'thread_a', status: 'completed', createdAt: 10 },
      { runId: 'run_2', threadId: 'thread_a', status: 'failed', createdAt: 20 },
    ]);
    recordRunsSeen(db, C, [{ runId: 'run_1', threadId: 'thread_a', status: 'completed', createdAt: 10 }]);
    expect(findThreadForRun(db, C, 'run_2')).toBe('thread_a');
    expect(findThreadForRun(db, 'other', 'run_2')).toBeNull();
    expect(listRecentThreads(db, C)[0]?.lastRun).toEqual({ id: 'run_2', status: 'failed', createdAt: 20 });
  });

  it('forgets a thread and its runs', () => {
    const db = openDb(':memory:');
    recordRunsSeen(db, C, [{ runId: 'run_1', threadId: 'thread_a' }]);
    forgetThread(db, C, 'thread_a');
    expect(listRecentThreads(db, C)).toEqual([]);
    expect(findThreadForRun(db, C, 'run_1')).toBeNull();
  });

  it('lists the runs seen on a thread, newest first, with their last known status and when they were seen', () => {
    const db = openDb(':memory:');
    recordRunsSeen(db, C, [{ runId: 'run_-a', threadId: 'thread__t', status: 'in_progress', createdAt: 10 }], 100);
    recordRunsSeen(db, C, [{ runId: 'run_b', threadId: 'thread__t', status: 'queued', createdAt: 20 }], 110);
    recordRunsSeen(db, C, [{ runId: 'run_c', threadId: 'thread_other', status: 'completed', createdAt: 30 }], 120);
    recordRunsSeen(db, C, [{ runId: 'run_-a', threadId: 'thread__t', status: 'completed', createdAt: 10 }], 130);
    expect(listRunsSeenOnThread(db, C, 'thread__t')).toEqual([
      { runId: 'run_b', threadId: 'thread__t', status: 'queued', createdAt: 20, seenAt: 110 },
      { runId: 'run_-a', threadId: 'thread__t', status: 'completed', createdAt: 10, seenAt: 130 },
    ]);
    expect(listRunsSeenOnThread(db, 'other', 'thread__t')).toEqual([]);
    expect(latestRunSeen(db, C)?.runId).toBe('run_-a');
    expect(sampleIdsSeen(db, C)).toEqual(expect.arrayContaining(['thread__t', 'thread_other', 'run_-a', 'run_b', 'run_c']));
  });
});
