import 'server-only';
import { ID_PATTERN, isKnownRunStatus } from '@/lib/contract/kinds';
import { searchThreads, type IndexedThreadRow } from '@/lib/store/index-search';
import type { Caller } from '../access';
import { errorResponse, NO_STORE } from '../api-error';
import { decodeCursor, encodeCursor, failure, intParam, routeContext } from '../inbox/shared';
import { flushObservedAnswers } from '../observe';

// GET /api/index/threads — search the thread index (viewers and up): q (id prefix, title, customer reference,
// metadata value), status (latest run), assistant_id, created_after / created_before (latest run, else thread;
// unix s), watched=me; newest activity first, cursor-paginated.

export type IndexedThreadDto = {
  thread_id: string;
  connection_id: string;
  title: string | null;
  customer_ref: string | null;
  labels: string[];
  metadata: Record<string, string>;
  assistant_id: string | null;
  latest_run: { id: string; status: string | null; created_at: number | null } | null;
  created_at: number | null;
  first_seen_at: number;
  last_seen_at: number;
  last_checked_at: number | null;
  gone_at: number | null;
  source: 'seen' | 'registered';
  watched_by_me: boolean;
  watchers: number;
};

export const indexedThreadDto = (connectionId: string, r: IndexedThreadRow): IndexedThreadDto => ({
  thread_id: r.threadId,
  connection_id: connectionId,
  title: r.title,
  customer_ref: r.customerRef,
  labels: r.labels,
  metadata: r.metadata,
  assistant_id: r.assistantId,
  latest_run: r.latestRun ? { id: r.latestRun.id, status: r.latestRun.status, created_at: r.latestRun.createdAt } : null,
  created_at: r.createdAt,
  first_seen_at: r.firstSeenAt,
  last_seen_at: r.lastSeenAt,
  last_checked_at: r.lastCheckedAt,
  gone_at: r.goneAt,
  source: r.source,
  watched_by_me: r.watchedByMe,
  watchers: r.watchers,
});

const MAX_TIME = 99_999_999_999;

export async function handleSearchThreads(request: Request, caller: Caller): Promise<Response> {
  const url = new URL(request.url);
  const p = url.searchParams;
  const limit = intParam(url, 'limit', 25, 1, 100);
  if (limit instanceof Response) return limit;
  const after = intParam(url, 'created_after', -1, 0, MAX_TIME);
  if (after instanceof Response) return after;
  const before = intParam(url, 'created_before', -1, 0, MAX_TIME);
  if (before instanceof Response) return before;
  const q = p.get('q')?.trim() ?? '';
  if (q.length > 200) return errorResponse(400, "Invalid 'q': at most 200 characters.", { param: 'q' });
  const status = p.get('status') || null;
  if (status && !isKnownRunStatus(status)) return errorResponse(400, `Invalid 'status': '${status.slice(0, 40)}' is not a run status.`, { param: 'status' });
  const assistantId = p.get('assistant_id') || null;
  if (assistantId && !ID_PATTERN.test(assistantId)) return errorResponse(400, "Invalid 'assistant_id'.", { param: 'assistant_id', code: 'invalid_id' });
  const watched = p.get('watched');
  if (watched !== null && watched !== 'me') return errorResponse(400, "Invalid 'watched': the only value is 'me'.", { param: 'watched' });
  const cursorParts = decodeCursor(p.get('cursor'));
  if (cursorParts === 'invalid' || (cursorParts && (typeof cursorParts[0] !== 'number' || typeof cursorParts[1] !== 'string'))) {
    return errorResponse(400, "Invalid 'cursor': pass back the next_cursor of a previous page.", { param: 'cursor' });
  }
  try {
    await flushObservedAnswers();
    const { connection, db } = await routeContext();
    const { rows, hasMore } = await searchThreads(db, {
      connectionId: connection.id,
      q,
      status,
      assistantId,
      createdAfter: after >= 0 ? after : null,
      createdBefore: before >= 0 ? before : null,
      watchedBy: watched === 'me' ? caller.id : null,
      viewerId: caller.id,
      limit,
      cursor: cursorParts ? { lastSeenAt: cursorParts[0] as number, threadId: cursorParts[1] as string } : null,
    });
    const last = rows[rows.length - 1];
    return Response.json(
      { object: 'list', data: rows.map((r) => indexedThreadDto(connection.id, r)), has_more: hasMore, next_cursor: hasMore && last ? encodeCursor([last.lastSeenAt, last.threadId]) : null },
      { headers: { 'cache-control': NO_STORE } },
    );
  } catch (error) {
    return failure(error, 'index-search');
  }
}
