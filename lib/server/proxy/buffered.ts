import 'server-only';
import type { Endpoint } from '@/lib/contract';
import { upstreamFetch, type UpstreamCallOptions, type UpstreamRequest } from '@/lib/upstream/client';
import { connectionHost, type Connection } from '@/lib/upstream/connection';
import { tryParseJson } from '@/lib/upstream/json';
import { errorResponse } from '../api-error';
import { PollCache } from '../poll-cache';
import { redactString } from '../redact';
import { SingleFlight } from '../single-flight';
import { isPollCacheable } from './poll-policy';
import { fileContentHeaders, passThroughHeaders } from './upstream-headers';

// Non-streaming forwarding. The upstream answer is buffered once into an immutable record that single-flight can
// hand to every concurrent identical GET and the poll cache can keep for a moment.

export type BufferedAnswer = {
  status: number;
  headers: Headers;
  body: Uint8Array;
  json: { ok: true; value: unknown } | { ok: false; text: string };
  upstreamRequestId: string | null;
  attempts: number;
};

/** Polled objects are small (a run, a page of steps); anything bigger is not worth holding. */
const MAX_CACHED_BYTES = 1024 * 1024;

export type CacheOutcome = 'hit' | 'shared' | 'miss' | 'bypass';

type ProxyCaches = { flights: SingleFlight<BufferedAnswer>; poll: PollCache<BufferedAnswer> };
const holder = globalThis as typeof globalThis & { runboardProxyCaches?: ProxyCaches };

export function proxyCaches(): ProxyCaches {
  holder.runboardProxyCaches ??= { flights: new SingleFlight(), poll: new PollCache() };
  return holder.runboardProxyCaches;
}

/** Cache keys start with the connection (id and base URL): answers are never shared across connections. */
export function connectionCacheKey(connection: Connection): string {
  return `${connection.id}|${connection.baseUrl}|`;
}

export function requestCacheKey(connection: Connection, apiPath: string, query: Array<[string, string]>): string {
  const search = [...query].sort(([a, x], [b, y]) => (a === b ? x.localeCompare(y) : a.localeCompare(b)));
  return `${connectionCacheKey(connection)}GET ${apiPath}?${new URLSearchParams(search).toString()}`;
}

/** Called after a mutation on a thread, so viewers do not see the pre-mutation state for up to one TTL. */
export function invalidateThread(connection: Connection, threadId: string): void {
  proxyCaches().poll.deletePrefix(`${connectionCacheKey(connection)}GET /threads/${threadId}/`);
}

async function fetchBuffered(connection: Connection, request: UpstreamRequest, options?: UpstreamCallOptions): Promise<BufferedAnswer> {
  const answer = await upstreamFetch(connection, request, options);
  return {
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    json: tryParseJson(answer.body),
    upstreamRequestId: answer.upstreamRequestId,
    attempts: answer.attempts,
  };
}

export type BufferedForward = { answer: BufferedAnswer; cache: CacheOutcome };

export async function forwardBuffered(
  connection: Connection,
  endpoint: Endpoint,
  request: UpstreamRequest & { query: Array<[string, string]> },
  pollCacheMs: number,
  /** The watcher's reads: no automatic retries (it paces and backs off itself, within its budget). */
  options?: UpstreamCallOptions,
): Promise<BufferedForward> {
  if (request.method !== 'GET') return { answer: await fetchBuffered(connection, request, options), cache: 'bypass' };
  const { flights, poll } = proxyCaches();
  const key = requestCacheKey(connection, request.path, request.query);
  const cached = pollCacheMs > 0 ? poll.get(key) : undefined;
  if (cached) return { answer: cached, cache: 'hit' };
  const { promise, shared } = flights.run(key, async () => {
    const answer = await fetchBuffered(connection, request, options);
    const small = answer.body.byteLength <= MAX_CACHED_BYTES;
    if (pollCacheMs > 0 && small && answer.status === 200 && answer.json.ok && isPollCacheable(endpoint.id, answer.json.value)) {
      poll.set(key, answer, pollCacheMs);
    }
    return answer;
  });
  return { answer: await promise, cache: shared ? 'shared' : 'miss' };
}

const decoder = new TextDecoder();

/**
 * Below this size an answer goes out uncompressed. Next gzips every response whose client accepts it, and for a
 * run or a short page that costs more (zlib, an extra flush and write per response) than the few hundred bytes it
 * saves; `no-transform` is the header Next's compression honours. Larger pages (lists) are still compressed.
 */
export const COMPRESS_MIN_BYTES = 8 * 1024;

function jsonHeaders(body: Uint8Array): Record<string, string> {
  return { 'content-type': 'application/json', 'cache-control': body.byteLength < COMPRESS_MIN_BYTES ? 'no-store, no-transform' : 'no-store' };
}

/** Turns a buffered upstream answer into the client's Response (status and envelope passed through). */
export function bufferedToResponse(
  connection: Connection,
  endpoint: Endpoint,
  answer: BufferedAnswer,
  extra: Record<string, string>,
  named?: { disposition: string; typeFromName: string | null },
): Response {
  const host = connectionHost(connection);
  const headers = { ...passThroughHeaders(answer.headers), ...extra };
  if (answer.status >= 300 && answer.status < 400) {
    return errorResponse(
      502,
      `Upstream ${host} answered with a redirect (HTTP ${answer.status}); check that OPENAI_BASE_URL points at the API itself.`,
      { type: 'upstream_error', code: 'upstream_redirect' },
      headers,
    );
  }
  if (answer.status >= 200 && answer.status < 300) {
    if (endpoint.response === null) {
      return new Response(answer.body as BodyInit, { status: answer.status, headers: { ...headers, ...fileContentHeaders(answer.headers, named) } });
    }
    if (!answer.json.ok) {
      const snippet = answer.json.text.slice(0, 120).replace(/\s+/g, ' ');
      return errorResponse(
        502,
        `Upstream ${host} sent a response that is not JSON (HTTP ${answer.status})${snippet ? `: ${snippet}` : ' (empty body)'}. Is OPENAI_BASE_URL an Assistants API server?`,
        { type: 'upstream_error', code: 'upstream_bad_response' },
        headers,
      );
    }
    return new Response(answer.body as BodyInit, { status: answer.status, headers: { ...jsonHeaders(answer.body), ...headers } });
  }
  const envelope = answer.json.ok ? (answer.json.value as { error?: unknown } | null) : null;
  if (envelope && typeof envelope === 'object' && envelope.error) {
    // Upstream error messages can quote a (masked) key; scrub anything we know to be secret before passing on.
    return new Response(redactString(decoder.decode(answer.body)), { status: answer.status, headers: { ...jsonHeaders(answer.body), ...headers } });
  }
  return errorResponse(
    answer.status,
    `Upstream ${host} answered HTTP ${answer.status} without a JSON error body.`,
    { type: 'upstream_error', code: `upstream_http_${answer.status}` },
    headers,
  );
}
