import 'server-only';
import { ListOf, Run } from '@/lib/contract';
import { getStore } from '@/lib/store/db';
import { findThreadForRun, listRecentThreads, recordRunsSeen } from '@/lib/store/threads-seen';
import type { Connection } from '@/lib/upstream/connection';
import { upstreamJson } from '@/lib/upstream/json';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from './api-error';
import { getDefaultConnection } from './connection';
import { flushObservedAnswers } from './observe';
import { seedFromEmulator } from './recent-threads';

// GET /api/lookup?run_id=run_… — which thread a run belongs to. The API has no /runs/{id} (every run path needs the
// thread), so we answer from the runs Runboard has seen; on a miss we page through the runs of recently seen threads
// (bounded: SCAN_THREADS threads × SCAN_PAGES pages of 100), recording what we see so the next lookup is instant.

const RUN_ID = /^run_[A-Za-z0-9_-]{1,124}$/;
const SCAN_THREADS = 25;
const SCAN_PAGES = 5;
const SCAN_REQUEST_BUDGET = 60;

async function scanRecentThreads(connection: Connection, runId: string): Promise<{ threadId: string | null; threadsScanned: number }> {
  const { db } = await getStore();
  const threads = await listRecentThreads(db, connection.id, SCAN_THREADS);
  let requests = 0;
  let threadsScanned = 0;
  for (const thread of threads) {
    threadsScanned += 1;
    let after: string | undefined;
    for (let page = 0; page < SCAN_PAGES && requests < SCAN_REQUEST_BUDGET; page++) {
      const query: Array<[string, string]> = [['limit', '100'], ['order', 'desc']];
      if (after) query.push(['after', after]);
      requests += 1;
      let list;
      try {
        ({ data: list } = await upstreamJson(connection, { method: 'GET', path: `/threads/${thread.threadId}/runs`, query }, { schema: ListOf(Run) }));
      } catch {
        break; // a thread that vanished or errors must not stop the search
      }
      await recordRunsSeen(db, connection.id, list.data.map((r) => ({ runId: r.id, threadId: r.thread_id, status: r.status, createdAt: r.created_at })));
      if (list.data.some((r) => r.id === runId)) return { threadId: thread.threadId, threadsScanned };
      if (!list.has_more || list.data.length === 0) break;
      after = list.data[list.data.length - 1]?.id;
    }
    if (requests >= SCAN_REQUEST_BUDGET) break;
  }
  return { threadId: null, threadsScanned };
}

export async function handleLookup(request: Request): Promise<Response> {
  const runId = new URL(request.url).searchParams.get('run_id')?.trim() ?? '';
  if (!RUN_ID.test(runId)) {
    return errorResponse(400, "Invalid 'run_id': expected an ID that begins with 'run_'.", { param: 'run_id' });
  }
  try {
    const connection = await getDefaultConnection();
    if (connection.mode === 'emulator') await seedFromEmulator(connection);
    await flushObservedAnswers();
    const known = await findThreadForRun((await getStore()).db, connection.id, runId);
    if (known) return Response.json({ run_id: runId, thread_id: known, source: 'store' }, { headers: { 'cache-control': NO_STORE } });
    const { threadId, threadsScanned } = await scanRecentThreads(connection, runId);
    if (threadId) return Response.json({ run_id: runId, thread_id: threadId, source: 'scan' }, { headers: { 'cache-control': NO_STORE } });
    return errorResponse(
      404,
      `Run ${runId} was not found on ${connection.name}: it is not among the runs Runboard has seen, nor in the latest runs of ` +
        `${threadsScanned} recently seen thread${threadsScanned === 1 ? '' : 's'}. The API cannot find a run without its thread — paste the thread id too.`,
      { code: 'run_not_seen', param: 'run_id' },
    );
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'lookup' });
  }
}
