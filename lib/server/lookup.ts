import 'server-only';
import { ID_PATTERN, ListOf, Run } from '@/lib/contract';
import { getStore } from '@/lib/store/db';
import { findThreadForRun, listRecentThreads, recordRunsSeen } from '@/lib/store/threads-seen';
import type { Connection } from '@/lib/upstream/connection';
import { isUpstreamError, UpstreamHttpError } from '@/lib/upstream/errors';
import { upstreamJson } from '@/lib/upstream/json';
import { isMissingEndpoint } from './capabilities/missing-endpoint';
import { isKnownUnsupported, learnCapability } from './capabilities/registry';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from './api-error';
import { getDefaultConnection } from './connection';
import { flushObservedAnswers } from './observe';
import { seedFromEmulator } from './recent-threads';

// GET /api/lookup?run_id=<any id> — which thread a run belongs to. The API has no /runs/{id} (every run path needs the
// thread), so we answer from the runs Runboard has seen; on a miss we page through the runs of recently seen threads
// (bounded: SCAN_THREADS threads × SCAN_PAGES pages of 100), recording what we see so the next lookup is instant. Threads it could not read are reported, never hidden behind
// a "not found".

const SCAN_THREADS = 25;
const SCAN_PAGES = 5;
const SCAN_REQUEST_BUDGET = 60;

type Scan = { threadId: string | null; threadsScanned: number; threadsFailed: number; threadsTotal: number; reasons: string[] };

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

async function scanRecentThreads(connection: Connection, runId: string): Promise<Scan> {
  const { db } = await getStore();
  const threads = await listRecentThreads(db, connection.id, SCAN_THREADS);
  const scan: Scan = { threadId: null, threadsScanned: 0, threadsFailed: 0, threadsTotal: threads.length, reasons: [] };
  const fail = (reason: string, count = 1) => {
    scan.threadsFailed += count;
    if (!scan.reasons.includes(reason)) scan.reasons.push(reason);
  };
  // Known not to list runs: no thread can be scanned, and asking again would only repeat the 404.
  if (isKnownUnsupported(connection, 'listRuns')) {
    if (threads.length > 0) fail('this server cannot list runs', threads.length);
    return scan;
  }
  let requests = 0;
  for (const [index, thread] of threads.entries()) {
    let after: string | undefined;
    let failure: { reason: string; stop: boolean } | null = null;
    for (let page = 0; page < SCAN_PAGES && requests < SCAN_REQUEST_BUDGET; page++) {
      const query: Array<[string, string]> = [['limit', '100'], ['order', 'desc']];
      if (after) query.push(['after', after]);
      requests += 1;
      let list;
      try {
        ({ data: list } = await upstreamJson(connection, { method: 'GET', path: `/threads/${encodeURIComponent(thread.threadId)}/runs`, query }, { schema: ListOf(Run) }));
      } catch (error) {
        failure = scanFailure(connection, error);
        break; // a thread that vanished or errors must not stop the search (unless the server cannot list runs at all)
      }
      await recordRunsSeen(db, connection.id, list.data.map((r) => ({ runId: r.id, threadId: r.thread_id, status: r.status, createdAt: r.created_at })));
      if (list.data.some((r) => r.id === runId)) {
        scan.threadsScanned += 1;
        scan.threadId = thread.threadId;
        return scan;
      }
      if (!list.has_more || list.data.length === 0) break;
      after = list.data[list.data.length - 1]?.id;
    }
    if (failure) {
      fail(failure.reason, failure.stop ? threads.length - index : 1);
      if (failure.stop) break;
    } else scan.threadsScanned += 1;
    if (requests >= SCAN_REQUEST_BUDGET) break;
  }
  return scan;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function handleLookup(request: Request): Promise<Response> {
  const runId = new URL(request.url).searchParams.get('run_id')?.trim() ?? '';
  if (!ID_PATTERN.test(runId)) {
    return errorResponse(400, "Invalid 'run_id': expected an ID of 1-128 characters A-Z, a-z, 0-9, _ or -.", { param: 'run_id' });
  }
  try {
    const connection = await getDefaultConnection();
    if (connection.mode === 'emulator') await seedFromEmulator(connection);
    await flushObservedAnswers();
    const known = await findThreadForRun((await getStore()).db, connection.id, runId);
    if (known) return Response.json({ run_id: runId, thread_id: known, source: 'store' }, { headers: { 'cache-control': NO_STORE } });
    const scan = await scanRecentThreads(connection, runId);
    if (scan.threadId) return Response.json({ run_id: runId, thread_id: scan.threadId, source: 'scan' }, { headers: { 'cache-control': NO_STORE } });
    const advice = 'The API cannot find a run without its thread — paste the thread id too.';
    if (scan.threadsFailed > 0) {
      // Some threads could not be read: "not found" would claim more than Runboard knows.
      return errorResponse(
        404,
        `Run ${runId} was not found on ${connection.name}, but the search was incomplete: ${scan.threadsFailed} of ${plural(scan.threadsTotal, 'thread')} ` +
          `could not be scanned: ${scan.reasons.join('; ')}. It is not among the runs Runboard has seen` +
          `${scan.threadsScanned > 0 ? ` nor in the latest runs of the ${plural(scan.threadsScanned, 'thread')} scanned` : ''}. ${advice}`,
        { code: 'run_not_seen_scan_incomplete', param: 'run_id' },
      );
    }
    return errorResponse(
      404,
      `Run ${runId} was not found on ${connection.name}: it is not among the runs Runboard has seen, nor in the latest runs of ` +
        `${plural(scan.threadsScanned, 'recently seen thread')}. ${advice}`,
      { code: 'run_not_seen', param: 'run_id' },
    );
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'lookup' });
  }
}
