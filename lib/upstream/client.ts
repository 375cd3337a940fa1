import 'server-only';
import { randomUUID } from 'node:crypto';
import { authHeaders, connectionHost, type Connection } from './connection';
import { UpstreamBadResponseError, UpstreamNetworkError, UpstreamTimeoutError } from './errors';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, sleep, type RetryPolicy } from './retry';
import { buildUpstreamUrl, type QueryInput } from './url';
import { readCapped } from './read-capped';
import { requestBuffered } from './http-transport';
import { noteUpstreamDate } from './clock';

// The one HTTP client to the upstream. Three shapes over one core:
//  - upstreamFetch: buffered answer (status, headers, bytes); GETs retried on 408/409/429/5xx/network errors.
//  - upstreamStream: raw Response for SSE; the timeout covers only the wait for headers; never retried.
//  - upstreamJson: upstreamFetch + JSON parse, non-2xx thrown as UpstreamHttpError (see json.ts).
// fetch is injectable so tests and alternative transports plug in without patching globals.

export type UpstreamMethod = 'GET' | 'POST' | 'DELETE';

export type UpstreamRequest = {
  method: UpstreamMethod;
  /** API path relative to the connection's base URL, e.g. /threads/thread_1/runs. */
  path: string;
  query?: QueryInput;
  /** Serialized JSON body (POST). */
  body?: string;
  contentType?: string;
  accept?: string;
  /** Sent upstream as X-Request-Id / X-Client-Request-Id; generated when absent. */
  requestId?: string;
  /** Caller's signal (client disconnect); combined with the timeout. */
  signal?: AbortSignal;
  /** Cap on a buffered response body (bytes). */
  maxResponseBytes?: number;
};

export type UpstreamCallOptions = {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxRetries?: number;
  retryPolicy?: RetryPolicy;
};

export type UpstreamBufferedResponse = {
  status: number;
  headers: Headers;
  body: Uint8Array;
  attempts: number;
  /** The upstream's x-request-id, if it sent one. */
  upstreamRequestId: string | null;
  requestId: string;
};

const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * Node's own fetch, not the one Next installs over it: Next's wraps every call in its data cache and a trace span,
 * which the upstream client never wants (every call is `no-store`) and which cost about 0.1 ms per proxied request
 * in profiles. Next keeps the original as `_nextOriginalFetch`; where it does not (tests, scripts) fetch is Node's.
 */
const NEXT_ORIGINAL_FETCH = '_nextOriginalFetch';
function plainFetch(): typeof fetch {
  const original = (globalThis.fetch as unknown as Record<string, unknown>)[NEXT_ORIGINAL_FETCH];
  return typeof original === 'function' ? (original as typeof fetch) : globalThis.fetch;
}

export function newRequestId(): string {
  return `req_rb_${randomUUID().replace(/-/g, '')}`;
}

function buildInit(connection: Connection, request: UpstreamRequest, requestId: string, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = {
    ...authHeaders(connection),
    Accept: request.accept ?? 'application/json',
    'X-Request-Id': requestId,
    'X-Client-Request-Id': requestId,
  };
  if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
  return { method: request.method, headers, body: request.body, signal, redirect: 'manual', cache: 'no-store' };
}

type Attempt = { signal: AbortSignal; timedOut: () => boolean; clear: () => void };

function startAttempt(timeoutMs: number, outer?: AbortSignal): Attempt {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('upstream timeout')), Math.max(1, timeoutMs));
  const signal = outer ? AbortSignal.any([outer, timeout.signal]) : timeout.signal;
  return { signal, timedOut: () => timeout.signal.aborted, clear: () => clearTimeout(timer) };
}

function oversized(host: string, status: number, maxBytes: number, attempts: number): UpstreamBadResponseError {
  return new UpstreamBadResponseError({ host, status, detail: `the body is larger than the ${maxBytes}-byte limit`, snippet: '', attempts });
}

async function readResponseCapped(response: Response, maxBytes: number, host: string, attempts: number): Promise<Uint8Array> {
  const body = await readCapped(response.body, maxBytes);
  if (body === null) throw oversized(host, response.status, maxBytes, attempts);
  return body;
}

/** Buffered call. GETs are retried (bounded by one overall deadline); POST/DELETE get exactly one attempt. */
export async function upstreamFetch(
  connection: Connection,
  request: UpstreamRequest,
  options: UpstreamCallOptions = {},
): Promise<UpstreamBufferedResponse> {
  const doFetch = options.fetch ?? plainFetch();
  const host = connectionHost(connection);
  const timeoutMs = options.timeoutMs ?? connection.timeoutMs;
  const maxRetries = request.method === 'GET' ? (options.maxRetries ?? connection.maxRetries) : 0;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const requestId = request.requestId ?? newRequestId();
  const url = buildUpstreamUrl(connection.baseUrl, request.path, request.query, connection.apiVersion);
  const deadline = Date.now() + timeoutMs;

  for (let attempt = 1; ; attempt += 1) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new UpstreamTimeoutError({ host, timeoutMs, attempts: attempt - 1 });
    const current = startAttempt(remaining, request.signal);
    let result: UpstreamBufferedResponse | undefined;
    let failure: unknown;
    try {
      const init = buildInit(connection, request, requestId, current.signal);
      const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      if (options.fetch) {
        const response = await doFetch(url, init);
        const body = await readResponseCapped(response, maxBytes, host, attempt);
        noteUpstreamDate(connection.id, response.headers.get('date'));
        result = { status: response.status, headers: response.headers, body, attempts: attempt, upstreamRequestId: response.headers.get('x-request-id'), requestId };
      } else {
        // The server's own path: node:http with keep-alive (see http-transport.ts).
        const raw = await requestBuffered(url, { method: request.method, headers: init.headers as Record<string, string>, body: request.body, signal: current.signal }, maxBytes);
        noteUpstreamDate(connection.id, raw.headers.get('date'));
        if (raw.body === null) throw oversized(host, raw.status, maxBytes, attempt);
        result = { status: raw.status, headers: raw.headers, body: raw.body, attempts: attempt, upstreamRequestId: raw.headers.get('x-request-id'), requestId };
      }
    } catch (error) {
      failure = error;
    } finally {
      current.clear();
    }

    if (failure !== undefined) {
      if (request.signal?.aborted) throw request.signal.reason ?? failure;
      if (current.timedOut()) throw new UpstreamTimeoutError({ host, timeoutMs, attempts: attempt });
      if (failure instanceof UpstreamBadResponseError) throw failure;
      const networkError = new UpstreamNetworkError({ host, cause: failure, attempts: attempt });
      const delay = attempt <= maxRetries ? retryDelayMs(attempt, null, policy) : null;
      if (delay === null || Date.now() + delay >= deadline) throw networkError;
      await sleep(delay, request.signal);
      continue;
    }

    const answer = result as UpstreamBufferedResponse;
    if (attempt <= maxRetries && isRetryableStatus(answer.status)) {
      const delay = retryDelayMs(attempt, answer.headers, policy);
      if (delay !== null && Date.now() + delay < deadline) {
        await sleep(delay, request.signal);
        continue;
      }
    }
    return answer;
  }
}

/** Streaming call (SSE). Never retried; the timeout only covers waiting for response headers. */
export async function upstreamStream(
  connection: Connection,
  request: UpstreamRequest,
  options: UpstreamCallOptions = {},
): Promise<{ response: Response; requestId: string }> {
  const doFetch = options.fetch ?? plainFetch();
  const host = connectionHost(connection);
  const timeoutMs = options.timeoutMs ?? connection.timeoutMs;
  const requestId = request.requestId ?? newRequestId();
  const url = buildUpstreamUrl(connection.baseUrl, request.path, request.query, connection.apiVersion);
  // The stream's lifetime is tied to the caller's signal only; the header timeout aborts through its own controller.
  const headerTimeout = new AbortController();
  const timer = setTimeout(() => headerTimeout.abort(new Error('upstream timeout')), timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, headerTimeout.signal]) : headerTimeout.signal;
  try {
    const response = await doFetch(url, buildInit(connection, { accept: 'text/event-stream', ...request }, requestId, signal));
    return { response, requestId };
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason ?? error;
    if (headerTimeout.signal.aborted) throw new UpstreamTimeoutError({ host, timeoutMs, attempts: 1 });
    throw new UpstreamNetworkError({ host, cause: error, attempts: 1 });
  } finally {
    clearTimeout(timer);
  }
}
