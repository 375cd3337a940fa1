import 'server-only';
import { ENDPOINTS, type Endpoint } from '@/lib/contract';
import { isMissingEndpoint } from '@/lib/server/capabilities/missing-endpoint';
import { learnFromAnswer } from '@/lib/server/capabilities/proxy-hooks';
import { isKnownUnsupported } from '@/lib/server/capabilities/registry';
import { forwardBuffered, proxyCaches, requestCacheKey, type BufferedAnswer } from '@/lib/server/proxy/buffered';
import { newRequestId } from '@/lib/upstream/client';
import type { Connection } from '@/lib/upstream/connection';
import { serverRequestedWaitMs } from '@/lib/upstream/retry';
import { capabilityOfEndpoint } from '@/lib/view/capabilities';

// One read by the watcher, through the proxy's own single-flight and poll cache: a run that is both watched and
// open in a browser costs one upstream call per cache window, whoever asks first. Cache hits cost no budget.
// No automatic retries here: the watcher paces and backs off itself. Its requests carry ids starting `req_rbw_`
// (X-Request-Id / X-Client-Request-Id), so an upstream's request log can tell them apart.

export type ReadOutcome =
  | { kind: 'ok'; body: unknown; fromCache: boolean }
  | { kind: 'not_found' }
  | { kind: 'unsupported' }
  | { kind: 'rate_limited'; retryAfterMs: number | null }
  | { kind: 'outage'; detail: string }
  | { kind: 'refused'; status: number };

export type WatchRead = { endpointId: 'getRun' | 'listRuns' | 'listRunSteps' | 'getThread'; path: string; query: Array<[string, string]> };

const endpointOf = (id: string): Endpoint => ENDPOINTS.find((e) => e.id === id)!;

export function isUnsupported(connection: Connection, endpointId: string): boolean {
  const capability = capabilityOfEndpoint(endpointId);
  return !!capability && isKnownUnsupported(connection, capability);
}

/** The answer already in the poll cache, if any (free: no budget). */
export function cachedRead(connection: Connection, read: WatchRead): ReadOutcome | null {
  const cached = proxyCaches().poll.get(requestCacheKey(connection, read.path, read.query));
  return cached && cached.json.ok ? { kind: 'ok', body: cached.json.value, fromCache: true } : null;
}

function classify(connection: Connection, endpoint: Endpoint, answer: BufferedAnswer): ReadOutcome {
  const body = answer.json.ok ? answer.json.value : null;
  learnFromAnswer(connection, endpoint, answer.status, body, {});
  if (answer.status >= 200 && answer.status < 300) return answer.json.ok ? { kind: 'ok', body, fromCache: false } : { kind: 'outage', detail: 'not JSON' };
  if (answer.status === 429) return { kind: 'rate_limited', retryAfterMs: serverRequestedWaitMs(answer.headers) };
  if (answer.status === 404 || answer.status === 405 || answer.status === 501) {
    return isMissingEndpoint(answer.status, body) ? { kind: 'unsupported' } : { kind: 'not_found' };
  }
  if (answer.status >= 500 || answer.status === 401 || answer.status === 403 || answer.status === 408) return { kind: 'outage', detail: `HTTP ${answer.status}` };
  return { kind: 'refused', status: answer.status };
}

export async function readUpstream(connection: Connection, read: WatchRead, pollCacheMs: number, signal?: AbortSignal): Promise<ReadOutcome> {
  const endpoint = endpointOf(read.endpointId);
  try {
    const { answer } = await forwardBuffered(
      connection,
      endpoint,
      { method: 'GET', path: read.path, query: read.query, requestId: newRequestId().replace('req_rb_', 'req_rbw_'), ...(signal ? { signal } : {}) },
      pollCacheMs,
      { maxRetries: 0 },
    );
    return classify(connection, endpoint, answer);
  } catch (error) {
    return { kind: 'outage', detail: error instanceof Error ? error.message : String(error) };
  }
}
