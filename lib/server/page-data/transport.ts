import 'server-only';
import type { ApiTransport } from '@/lib/queries/fetcher';
import { upstreamFetch } from '@/lib/upstream/client';
import type { Connection } from '@/lib/upstream/connection';
import { isUpstreamError } from '@/lib/upstream/errors';
import { tryParseJson } from '@/lib/upstream/json';
import { authorize, type Caller } from '../access';
import { errorResponse, upstreamErrorResponse } from '../api-error';
import { learnFromAnswer, refuseKnownUnsupported } from '../capabilities/proxy-hooks';
import { log } from '../log';
import { observeProxiedResponse } from '../observe';
import { bufferedToResponse } from '../proxy/buffered';
import { checkQuery } from '../proxy/request-guard';
import { matchProxyRoute } from '../proxy/route-match';
import { handleConnectionRequest } from '../connection-check';
import { handleRecentThreads } from '../recent-threads';
import { handleAuditHistory } from '../audit-api';
import { handleCapabilitiesGet } from '../capabilities/handler';
import { handleGetClaim, handleThreadClaims } from '../inbox/claim-read';
import { handleInboxCount } from '../inbox/list';
import { handleSearchThreads } from '../index/search';
import { handleListNotes } from '../inbox/notes';

// The transport the server's page prefetch hands to lib/queries: it answers the browser's `/api/...` GET paths by
// calling the upstream client directly (no HTTP round trip through our own proxy), with the proxy's own rules
// (allow-listed route, access decision, query check, endpoints the upstream is known to lack) and its own answer shaping, so apiFetch parses exactly what the
// browser would have received. Read-only by construction. Threads and runs seen are recorded as the proxy does.

const ORIGIN = 'http://runboard.internal';
const RUN_CLAIM = /^\/api\/runs\/([^/]+)\/claim$/;
const THREAD_CLAIMS = /^\/api\/threads\/([^/]+)\/claims$/;

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export type PageTransportOptions = {
  connection: Connection;
  caller: Caller;
  /** The page request's headers: Runboard's own routes check the caller from them, as for the browser's request. */
  requestHeaders: Headers;
  /** Aborts every upstream call of the page once its time budget is spent. */
  signal: AbortSignal;
  /** Per-call upstream timeout (the page's budget, not the proxy's 30 s default). */
  timeoutMs: number;
};

export function pageTransport({ connection, caller, requestHeaders, signal, timeoutMs }: PageTransportOptions): ApiTransport {
  return async (url, init) => {
    if ((init.method ?? 'GET') !== 'GET') throw new Error('The page prefetch only reads.');
    const target = new URL(url, ORIGIN);
    if (target.pathname === '/api/threads/recent') return handleRecentThreads(new Request(target));
    if (target.pathname === '/api/connection') return handleConnectionRequest();
    // Runboard's own reads, with the access their routes give (viewers and up).
    const asViewer = (id: string, handler: () => Promise<Response> | Response) => {
      const decision = authorize(caller, { id, method: 'GET', mutation: false, needs: 'viewer' });
      return decision.allowed ? handler() : errorResponse(decision.status, decision.message, { code: decision.code });
    };
    if (target.pathname === '/api/connection/capabilities') return asViewer('getCapabilities', handleCapabilitiesGet);
    if (target.pathname === '/api/audit/history') return handleAuditHistory(new Request(target, { headers: requestHeaders }));
    if (target.pathname === '/api/inbox/count') return asViewer('countInbox', handleInboxCount);
    if (target.pathname === '/api/index/threads') return asViewer('searchThreadIndex', () => handleSearchThreads(new Request(target), caller));
    if (target.pathname === '/api/notes') return asViewer('listNotes', () => handleListNotes(new Request(target)));
    const runClaim = RUN_CLAIM.exec(target.pathname)?.[1];
    const threadClaims = THREAD_CLAIMS.exec(target.pathname)?.[1];
    if (runClaim !== undefined) return asViewer('getRunClaim', () => handleGetClaim(decodeSegment(runClaim) ?? runClaim));
    if (threadClaims !== undefined) return asViewer('listThreadClaims', () => handleThreadClaims(decodeSegment(threadClaims) ?? threadClaims));

    const match = matchProxyRoute('GET', target.pathname);
    if (!match.ok) return errorResponse(match.status, match.message, { code: match.code, param: match.param ?? null });
    const { endpoint, params, apiPath } = match;
    const decision = authorize(caller, endpoint);
    if (!decision.allowed) return errorResponse(decision.status, decision.message, { code: 'forbidden' });
    const query = checkQuery(endpoint, target.searchParams);
    if (!query.ok) return errorResponse(query.status, query.message, { code: query.code, param: query.param ?? null });

    // An endpoint the upstream is known to lack is answered as the proxy answers it, without asking again.
    const knownMissing = refuseKnownUnsupported(connection, endpoint, {});
    if (knownMissing) return knownMissing;

    const callSignal = init.signal ? AbortSignal.any([signal, init.signal]) : signal;
    try {
      // No retries here: the browser's queries retry on their own, so a failing upstream costs the page one attempt.
      const answer = await upstreamFetch(connection, { method: 'GET', path: apiPath, query: query.forward, signal: callSignal }, { maxRetries: 0, timeoutMs });
      const json = tryParseJson(answer.body);
      const headers = { 'x-request-id': answer.upstreamRequestId ?? answer.requestId };
      const response =
        learnFromAnswer(connection, endpoint, answer.status, json.ok ? json.value : json.text, headers) ??
        bufferedToResponse(connection, endpoint, { ...answer, json }, headers);
      if ((response.ok || response.status === 404) && json.ok) {
        observeProxiedResponse({ connectionId: connection.id, endpointId: endpoint.id, params, status: response.status, body: json.value });
      }
      return response;
    } catch (error) {
      if (!isUpstreamError(error)) throw error;
      log('warn', 'page_data.upstream_failed', { endpoint: endpoint.id, kind: error.kind });
      return upstreamErrorResponse(error);
    }
  };
}
