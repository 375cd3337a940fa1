import { describe, expect, it } from 'vitest';
import { getStore } from '@/lib/store/db';
import { recordRunsSeen, recordThreadSeen } from '@/lib/store/threads-seen';
import { handleLookup } from './lookup';
import { handleRecentThreads } from './recent-threads';
import { withUnreachableUpstream } from '@/tests/support/unreachable-upstream';

// A configured (unreachable) upstream, so no embedded emulator boots and no test waits on the network.
withUnreachableUpstream('sk-lookup-test-000000000000');

const get = (url: string) => new Request(`http://localhost${url}`);

describe('GET /api/lookup', () => {
  it('400 for something that is not a run id', async () => {
    const res = await handleLookup(get('/api/lookup?run_id=thread_abc'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'run_id' } });
  });

  it('answers from the runs Runboard has seen', async () => {
    await recordRunsSeen((await getStore()).db, 'default', [{ runId: 'run_seen123', threadId: 'thread_abc123' }]);
    const res = await handleLookup(get('/api/lookup?run_id=run_seen123'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ run_id: 'run_seen123', thread_id: 'thread_abc123', source: 'store' });
  });

  it('404 naming the connection when neither the store nor the scan knows the run', async () => {
    const res = await handleLookup(get('/api/lookup?run_id=run_unknown999'));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('run_not_seen');
    expect(body.error.message).toContain('127.0.0.1:9');
    expect(body.error.message).toContain('paste the thread id too');
  });
});

describe('GET /api/threads/recent', () => {
  it('400 for a bad limit', async () => {
    expect((await handleRecentThreads(get('/api/threads/recent?limit=0'))).status).toBe(400);
    expect((await handleRecentThreads(get('/api/threads/recent?limit=abc'))).status).toBe(400);
  });

  it('lists threads seen on this connection, newest first, with has_more', async () => {
    await recordThreadSeen((await getStore()).db, { connectionId: 'default', threadId: 'thread_old111', seenAt: 100 });
    await recordThreadSeen((await getStore()).db, { connectionId: 'default', threadId: 'thread_new222', seenAt: 9_999_999_999 });
    const res = await handleRecentThreads(get('/api/threads/recent?limit=1'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ thread_id: string }>; has_more: boolean; connection: { mode: string } };
    expect(body.data.map((t) => t.thread_id)).toEqual(['thread_new222']);
    expect(body.has_more).toBe(true);
    expect(body.connection.mode).toBe('upstream');
    expect(JSON.stringify(body)).not.toContain('sk-lookup-test');
  });
});
