import 'server-only';
import type { Connection } from '@/lib/upstream/connection';
import { authHeaders } from '@/lib/upstream/connection';
import { isActiveRunStatus } from '@/lib/contract/kinds';
import { getStore } from '@/lib/store/db';
import { scheduleUnreadRuns } from '@/lib/store/index-runs';
import { countThreadsSeen, getMeta, listRecentThreads, recordRunsSeen, recordThreadSeen, setMeta, type Db, type ThreadSeen } from '@/lib/store/threads-seen';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from './api-error';
import { getDefaultConnection } from './connection';
import { log } from './log';
import { flushObservedAnswers } from './observe';

// GET /api/threads/recent — threads seen through this Runboard on the current connection, newest first.
// The Assistants API cannot list threads (401 missing_scope for API keys), so this list is Runboard's own memory:
// the thread index, whose latest-run statuses the watcher (lib/watch) keeps fresh and whose threads the upstream
// answered 404 for are marked gone and left out.
// In emulator mode the store is seeded once from the emulator's control endpoint so the demo threads show up.

export type RecentThreadDto = {
  thread_id: string;
  title: string | null;
  created_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
  last_run: { id: string; status: string | null; created_at: number | null } | null;
};

const seeded = globalThis as typeof globalThis & { runboardStoreSeeded?: Set<string> };

/** Reads GET /__emulator/threads (root of the emulator, beside /v1) and records each thread with its title. */
export async function seedFromEmulator(connection: Connection, force = false): Promise<number> {
  seeded.runboardStoreSeeded ??= new Set();
  const { db } = await getStore();
  const metaKey = `emulator_seeded:${connection.id}:${connection.baseUrl}`;
  if (!force && seeded.runboardStoreSeeded.has(metaKey) && (await countThreadsSeen(db, connection.id)) > 0) return 0;
  seeded.runboardStoreSeeded.add(metaKey);
  try {
    const url = new URL('/__emulator/threads', connection.baseUrl);
    const res = await fetch(url, { headers: authHeaders(connection), signal: AbortSignal.timeout(3_000), cache: 'no-store' });
    if (!res.ok) throw new Error(`emulator answered ${res.status}`);
    const body = (await res.json()) as unknown;
    const items = Array.isArray(body) ? body : Array.isArray((body as { data?: unknown })?.data) ? (body as { data: unknown[] }).data : [];
    let count = 0;
    const now = Math.floor(Date.now() / 1000);
    const seenAt = await seenAtFor(db, metaKey, now);
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const { id, title, name, created_at, latest_run } = item as Record<string, unknown>;
      if (typeof id !== 'string' || !id) continue;
      const text = typeof title === 'string' ? title : typeof name === 'string' ? name : null;
      // Seeded threads count as seen at seeding time but never ahead of anything really opened since.
      await recordThreadSeen(db, {
        connectionId: connection.id,
        threadId: id,
        createdAt: typeof created_at === 'number' ? created_at : null,
        title: text ? { text, source: 'emulator' } : null,
        seenAt,
      });
      const latest = latest_run as { id?: unknown; status?: unknown } | null | undefined;
      if (latest && typeof latest.id === 'string') {
        const status = typeof latest.status === 'string' ? latest.status : null;
        await recordRunsSeen(db, connection.id, [{ runId: latest.id, threadId: id, status }], seenAt);
        // An active run is the watcher's to keep fresh (home and the inbox then show its real status).
        if (status && isActiveRunStatus(status)) await scheduleUnreadRuns(db, connection.id, [latest.id]);
      }
      count += 1;
    }
    await setMeta(db, metaKey, String(now));
    return count;
  } catch (error) {
    seeded.runboardStoreSeeded.delete(metaKey);
    log('warn', 'recent_threads.seed_failed', { error });
    return 0;
  }
}

/** First seeding: now. Re-seeding (after a restart): 1, so re-seeded threads never jump ahead of real activity. */
async function seenAtFor(db: Db, metaKey: string, now: number): Promise<number> {
  return (await getMeta(db, metaKey)) ? 1 : now;
}

function toDto(t: ThreadSeen): RecentThreadDto {
  return {
    thread_id: t.threadId,
    title: t.title,
    created_at: t.createdAt,
    first_seen_at: t.firstSeenAt,
    last_seen_at: t.lastSeenAt,
    last_run: t.lastRun ? { id: t.lastRun.id, status: t.lastRun.status, created_at: t.lastRun.createdAt } : null,
  };
}

export async function handleRecentThreads(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const limitRaw = url.searchParams.get('limit');
  const offsetRaw = url.searchParams.get('offset');
  const limit = limitRaw === null ? 20 : Number(limitRaw);
  const offset = offsetRaw === null ? 0 : Number(offsetRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return errorResponse(400, "Invalid 'limit': must be an integer between 1 and 100.", { param: 'limit' });
  }
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
    return errorResponse(400, "Invalid 'offset': must be a non-negative integer.", { param: 'offset' });
  }
  try {
    const connection = await getDefaultConnection();
    if (connection.mode === 'emulator') await seedFromEmulator(connection);
    await flushObservedAnswers();
    const { db } = await getStore();
    const rows = await listRecentThreads(db, connection.id, limit + 1, offset);
    const data = rows.slice(0, limit).map(toDto);
    return Response.json(
      { object: 'list', data, has_more: rows.length > limit, connection: { id: connection.id, name: connection.name, mode: connection.mode } },
      { headers: { 'cache-control': NO_STORE } },
    );
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'recent-threads' });
  }
}
