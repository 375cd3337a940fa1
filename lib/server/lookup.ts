import 'server-only';
import { ID_PATTERN, ListOf, Run } from '@/lib/contract';
import { getStore } from '@/lib/store/db';
import { countThreadsSeen, findThreadForRun, listThreadsForScan, recordRunsSeen } from '@/lib/store/threads-seen';
import type { Connection } from '@/lib/upstream/connection';
import { isUpstreamError, UpstreamHttpError } from '@/lib/upstream/errors';
import { upstreamJson } from '@/lib/upstream/json';
import { isMissingEndpoint } from './capabilities/missing-endpoint';
import { isKnownUnsupported, learnCapability } from './capabilities/registry';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from './api-error';
import { getDefaultConnection } from './connection';
import { decodeScanCursor, encodeScanCursor, type ScanState } from './lookup-cursor';
import { flushObservedAnswers } from './observe';
import { seedFromEmulator } from './recent-threads';

// GET /api/lookup?run_id=<any id>[&cursor=…] — which thread a run belongs to. The API has no /runs/{id} (every run
// path needs the thread), so we answer from the runs Runboard has seen; on a miss we read every run of every thread
// Runboard has seen, all pages, recording what we see so the next lookup is instant. No cap that silently misses:
// each request reads at most CHUNK_REQUESTS pages and, when more is left, answers 200 with `thread_id: null`, its
// progress and a cursor to continue with (the search box shows the progress and asks again). Threads it could not
// read are reported, never hidden behind a "not found".

const CHUNK_REQUESTS = 5;
const PAGE = 100;

/** Why a thread's runs could not be read, in words for the lookup's answer. */
function scanFailure(connection: Connection, error: unknown): { reason: string; stop: boolean } {
  if (error instanceof UpstreamHttpError && isMissingEndpoint(error.status, error.body)) {
    learnCapability(connection, 'listRuns', 'unsupported', `HTTP ${error.status}`, 'answer');
    return { reason: 'this server cannot list runs', stop: true };
  }
  if (error instanceof UpstreamHttpError && error.status === 404) return { reason: 'the thread no longer exists there', stop: false };
  if (isUpstreamError(error) && error.kind !== 'http') return { reason: error.message, stop: true };
  return { reason: error instanceof Error ? error.message : 'the upstream failed', stop: false };
}

type ChunkResult = { threadId: string | null; state: ScanState; done: boolean };

/** Reads up to CHUNK_REQUESTS pages of runs, continuing where `state` stopped. */
async function scanChunk(connection: Connection, runId: string, start: ScanState, threadsTotal: number): Promise<ChunkResult> {
  const { db } = await getStore();
  const state: ScanState = { ...start, reasons: [...start.reasons] };
  const fail = (reason: string, count = 1) => {
    state.failed += count;
    if (!state.reasons.includes(reason)) state.reasons.push(reason);
  };
  // Known not to list runs: no thread can be scanned, and asking again would only repeat the 404.
  if (isKnownUnsupported(connection, 'listRuns')) {
    if (threadsTotal > state.thread) fail('this server cannot list runs', threadsTotal - state.thread);
    return { threadId: null, state: { ...state, thread: threadsTotal }, done: true };
  }
  let requests = 0;
  while (requests < CHUNK_REQUESTS) {
    const [threadId] = await listThreadsForScan(db, connection.id, 1, state.thread);
    if (!threadId) return { threadId: null, state, done: true };
    const query: Array<[string, string]> = [['limit', String(PAGE)], ['order', 'desc']];
    if (state.after) query.push(['after', state.after]);
    requests += 1;
    let list;
    try {
      ({ data: list } = await upstreamJson(connection, { method: 'GET', path: `/threads/${encodeURIComponent(threadId)}/runs`, query }, { schema: ListOf(Run) }));
    } catch (error) {
      const failure = scanFailure(connection, error);
      // A thread that vanished or errors must not stop the search (unless the server cannot list runs at all).
      const left = Math.max(1, threadsTotal - state.thread);
      fail(failure.reason, failure.stop ? left : 1);
      if (failure.stop) return { threadId: null, state: { ...state, thread: threadsTotal, after: null }, done: true };
      state.thread += 1;
      state.after = null;
      continue;
    }
    await recordRunsSeen(db, connection.id, list.data.map((r) => ({ runId: r.id, threadId: r.thread_id, status: r.status, createdAt: r.created_at })));
    state.runs += list.data.length;
    if (list.data.some((r) => r.id === runId)) return { threadId, state: { ...state, scanned: state.scanned + 1 }, done: true };
    const last = list.data[list.data.length - 1]?.id;
    if (list.has_more && last) {
      state.after = last;
    } else {
      state.scanned += 1;
      state.thread += 1;
      state.after = null;
    }
  }
  return { threadId: null, state, done: false };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export async function handleLookup(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const runId = params.get('run_id')?.trim() ?? '';
  if (!ID_PATTERN.test(runId)) {
    return errorResponse(400, "Invalid 'run_id': expected an ID of 1-128 characters A-Z, a-z, 0-9, _ or -.", { param: 'run_id' });
  }
  const cursorParam = params.get('cursor');
  const start = cursorParam === null ? null : decodeScanCursor(cursorParam, runId);
  if (cursorParam !== null && !start) {
    return errorResponse(400, "Invalid 'cursor': pass back the cursor of the previous answer for the same run_id, or leave it out to start again.", { param: 'cursor' });
  }
  try {
    const connection = await getDefaultConnection();
    if (connection.mode === 'emulator') await seedFromEmulator(connection);
    await flushObservedAnswers();
    const { db } = await getStore();
    const known = await findThreadForRun(db, connection.id, runId);
    if (known) return Response.json({ run_id: runId, thread_id: known, source: 'store' }, { headers: { 'cache-control': NO_STORE } });
    const threadsTotal = await countThreadsSeen(db, connection.id);
    const chunk = await scanChunk(connection, runId, start ?? { runId, thread: 0, after: null, runs: 0, scanned: 0, failed: 0, reasons: [] }, threadsTotal);
    const { state } = chunk;
    if (chunk.threadId) return Response.json({ run_id: runId, thread_id: chunk.threadId, source: 'scan' }, { headers: { 'cache-control': NO_STORE } });
    if (!chunk.done) {
      return Response.json(
        {
          run_id: runId,
          thread_id: null,
          source: 'scan',
          cursor: encodeScanCursor(state),
          progress: { threads_done: Math.min(state.thread, threadsTotal), threads_total: threadsTotal, runs_scanned: state.runs, threads_failed: state.failed },
        },
        { headers: { 'cache-control': NO_STORE } },
      );
    }
    const advice = 'The API cannot find a run without its thread — paste the thread id too.';
    const read = `${plural(state.runs, 'run')} of ${plural(state.scanned, 'thread')} read in full`;
    if (state.failed > 0) {
      // Some threads could not be read: "not found" would claim more than Runboard knows.
      return errorResponse(
        404,
        `Run ${runId} was not found on ${connection.name}, but the search was incomplete: ${state.failed} of ${plural(threadsTotal, 'thread')} ` +
          `could not be scanned: ${state.reasons.join('; ')}. It is not among the runs Runboard has seen` +
          `${state.scanned > 0 ? ` nor among the ${read}` : ''}. ${advice}`,
        { code: 'run_not_seen_scan_incomplete', param: 'run_id' },
      );
    }
    const searched =
      threadsTotal === 0
        ? 'and Runboard has not seen any thread there yet to search'
        : `nor among the ${read} (every ${threadsTotal === 1 ? 'thread' : `one of the ${plural(threadsTotal, 'thread')}`} Runboard has seen)`;
    return errorResponse(
      404,
      `Run ${runId} was not found on ${connection.name}: it is not among the runs Runboard has seen, ${searched}. ${advice}`,
      { code: 'run_not_seen', param: 'run_id' },
    );
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'lookup' });
  }
}
