import 'server-only';
import { REASON_CODES } from '@/lib/watch/stuck-rules';
import { eventBus } from '@/lib/watch/events';
import { upstreamNow, upstreamOffsetMs } from '@/lib/upstream/clock';
import { ID_PATTERN, isKnownRunStatus } from '@/lib/contract/kinds';
import type { Caller } from '../access';
import { errorResponse, NO_STORE } from '../api-error';
import { countsOf, filterInbox, type InboxFilters } from './compute';
import { decodeCursor, encodeCursor, failure, intParam } from './shared';
import { inboxCounts, inboxSnapshot } from './snapshot';

// GET /api/inbox and GET /api/inbox/count (viewers and up). The list is longest-stuck first; the cursor is the
// position of the last row returned (its sort keys), so a row that leaves the inbox between pages shifts nothing.

export async function handleInbox(request: Request, caller: Caller): Promise<Response> {
  const url = new URL(request.url);
  const p = url.searchParams;
  const limit = intParam(url, 'limit', 50, 1, 200);
  if (limit instanceof Response) return limit;
  const reason = p.get('reason') || null;
  if (reason && !(REASON_CODES as readonly string[]).includes(reason)) return errorResponse(400, `Invalid 'reason': one of ${REASON_CODES.join(', ')}.`, { param: 'reason' });
  const status = p.get('status') || null;
  if (status && !isKnownRunStatus(status)) return errorResponse(400, `Invalid 'status': '${status.slice(0, 40)}' is not a run status.`, { param: 'status' });
  const claim = p.get('claim') || null;
  if (claim && !['claimed', 'unclaimed', 'mine'].includes(claim)) return errorResponse(400, "Invalid 'claim': one of claimed, unclaimed, mine.", { param: 'claim' });
  const assistantId = p.get('assistant_id') || null;
  if (assistantId && !ID_PATTERN.test(assistantId)) return errorResponse(400, "Invalid 'assistant_id'.", { param: 'assistant_id', code: 'invalid_id' });
  const connection = p.get('connection') || null;
  const cursor = decodeCursor(p.get('cursor'));
  if (cursor === 'invalid' || (cursor && typeof cursor[0] !== 'string')) return errorResponse(400, "Invalid 'cursor': pass back the next_cursor of a previous page.", { param: 'cursor' });
  try {
    const snapshot = await inboxSnapshot();
    const filters: InboxFilters = { reason, status, assistantId, claim: claim as InboxFilters['claim'], viewerId: caller.id };
    const all = connection && connection !== snapshot.connectionId ? [] : filterInbox(snapshot.items, filters);
    // The cursor names the last run shown; a run gone since then falls back to the start of the remainder by order.
    let start = 0;
    if (cursor) {
      const index = all.findIndex((i) => i.run_id === cursor[0]);
      start = index >= 0 ? index + 1 : Math.min(all.length, Number(cursor[1]) || 0);
    }
    const page = all.slice(start, start + limit);
    const hasMore = start + limit < all.length;
    const last = page[page.length - 1];
    return Response.json(
      {
        object: 'list',
        data: page,
        has_more: hasMore,
        next_cursor: hasMore && last ? encodeCursor([last.run_id, start + limit]) : null,
        counts: countsOf(snapshot.items),
        watcher: eventBus().watcher,
        generated_at: snapshot.generatedAt,
        // Run times are on the upstream's clock (an emulator's can be moved); the browser counts from it.
        upstream_now: upstreamNow(snapshot.connectionId),
      },
      // As on proxied answers: the browser's clock follows the upstream's (lib/queries/server-clock.ts).
      { headers: { 'cache-control': NO_STORE, 'x-upstream-date': new Date(Date.now() + upstreamOffsetMs(snapshot.connectionId)).toUTCString() } },
    );
  } catch (error) {
    return failure(error, 'inbox');
  }
}

export async function handleInboxCount(): Promise<Response> {
  try {
    return Response.json(await inboxCounts(), { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'inbox-count');
  }
}
