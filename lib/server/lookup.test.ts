import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeStore, getStore } from '@/lib/store/db';
import { recordRunsSeen, recordThreadSeen } from '@/lib/store/threads-seen';
import { resetServerEnv } from './env';
import { handleLookup } from './lookup';
import { handleRecentThreads } from './recent-threads';
import { withUnreachableUpstream } from '@/tests/support/unreachable-upstream';

// A configured (unreachable) upstream, so no embedded emulator boots and no test waits on the network.
withUnreachableUpstream('sk-lookup-test-000000000000');

const get = (url: string) => new Request(`http://localhost${url}`);

describe('GET /api/lookup', () => {
  it('400 for something that is not an id', async () => {
    const res = await handleLookup(get('/api/lookup?run_id=run.abc%2Fx'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'run_id' } });
  });

  it('answers from the runs Runboard has seen', async () => {
    await recordRunsSeen((await getStore()).db, 'default', [{ runId: 'run_seen123', threadId: 'thread_abc123' }]);
    const res = await handleLookup(get('/api/lookup?run_id=run_seen123'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ run_id: 'run_seen123', thread_id: 'thread_abc123', source: 'store' });
  });

  it('404 naming the connection and the threads it could not scan (never a bare "not found")', async () => {
    const res = await handleLookup(get('/api/lookup?run_id=run_unknown999'));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('run_not_seen_scan_incomplete');
    expect(body.error.message).toContain('127.0.0.1:9');
    expect(body.error.message).toMatch(/1 of 1 thread could not be scanned: Could not reach upstream/);
    expect(body.error.message).toContain('paste the thread id too');
  });

  it('404 run_not_seen when there was nothing it could not scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runboard-lookup-'));
    const before = { file: process.env.RUNBOARD_DB_FILE, url: process.env.DATABASE_URL };
    await closeStore();
    process.env.RUNBOARD_DB_FILE = join(dir, 'empty.db');
    delete process.env.DATABASE_URL;
    resetServerEnv();
    try {
      const res = await handleLookup(get('/api/lookup?run_id=-odd_run_id'));
      const body = (await res.json()) as { error: { message: string; code: string } };
      expect(body.error.code).toBe('run_not_seen');
      expect(body.error.message).toContain('Runboard has not seen any thread there yet to search');
    } finally {
      await closeStore();
      if (before.file === undefined) delete process.env.RUNBOARD_DB_FILE;
      else process.env.RUNBOARD_DB_FILE = before.file;
      if (before.url !== undefined) process.env.DATABASE_URL = before.url;
      resetServerEnv();
      rmSync(dir, { recursive: true, force: true });
    }
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

describe('lookup cursor', () => {
  it('round-trips and refuses a cursor for another run or a forged one', async () => {
    const { decodeScanCursor, encodeScanCursor } = await import('./lookup-cursor');
    const state = { runId: 'run_a', thread: 3, after: 'run_x', runs: 700, scanned: 2, failed: 1, reasons: ['the thread no longer exists there'] };
    expect(decodeScanCursor(encodeScanCursor(state), 'run_a')).toEqual(state);
    expect(decodeScanCursor(encodeScanCursor(state), 'run_b')).toBeNull();
    expect(decodeScanCursor(encodeScanCursor({ ...state, after: '../x' }), 'run_a')).toBeNull();
    expect(decodeScanCursor('not-json', 'run_a')).toBeNull();
    const res = await handleLookup(get('/api/lookup?run_id=run_a&cursor=garbage'));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'cursor' } });
  });
});

