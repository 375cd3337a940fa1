import 'server-only';
import { ID_PATTERN } from '@/lib/contract';
import { getStore } from '@/lib/store/db';
import { findThreadForRun, listRunsSeenOnThread } from '@/lib/store/threads-seen';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from './api-error';
import { getDefaultConnection } from './connection';
import { flushObservedAnswers } from './observe';

// GET /api/threads/{thread_id}/runs-seen — the runs Runboard has seen on a thread (its own record, not the
// upstream's list), with their last known status and when they were seen. What the thread page shows when the
// upstream cannot list runs, and what the lock banner checks when it cannot ask for the newest run.

export type RunSeenDto = { id: string; thread_id: string; last_status: string | null; created_at: number | null; seen_at: number };

export async function handleRunsSeen(request: Request, threadId: string): Promise<Response> {
  if (!ID_PATTERN.test(threadId)) {
    return errorResponse(400, "Invalid 'thread_id': IDs are 1-128 characters of A-Z, a-z, 0-9, _ and -.", { param: 'thread_id', code: 'invalid_id' });
  }
  const limitRaw = new URL(request.url).searchParams.get('limit');
  const limit = limitRaw === null ? 50 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return errorResponse(400, "Invalid 'limit': must be an integer between 1 and 100.", { param: 'limit' });
  }
  try {
    const connection = await getDefaultConnection();
    await flushObservedAnswers();
    const rows = await listRunsSeenOnThread((await getStore()).db, connection.id, threadId, limit + 1);
    const data: RunSeenDto[] = rows.slice(0, limit).map((r) => ({ id: r.runId, thread_id: r.threadId, last_status: r.status, created_at: r.createdAt, seen_at: r.seenAt }));
    return Response.json({ object: 'list', data, has_more: rows.length > limit, source: 'runboard' }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'runs-seen' });
  }
}

/**
 * The thread Runboard has seen `runId` on, when that is not `threadId`: a run opened under the wrong thread is sent
 * to its own URL instead of "Run not found". Null when unknown, the same, or the store cannot answer (the page
 * then asks the upstream as usual).
 */
export async function otherThreadOfRun(threadId: string, runId: string): Promise<string | null> {
  try {
    const connection = await getDefaultConnection();
    await flushObservedAnswers();
    const known = await findThreadForRun((await getStore()).db, connection.id, runId);
    return known && known !== threadId ? known : null;
  } catch {
    return null;
  }
}
