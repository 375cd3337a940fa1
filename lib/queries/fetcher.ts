import type { z } from 'zod';
import { ApiRequestError } from './api-error';
import { reportAnswer, reportNoAnswer } from './reachability';
import { noteServerClock } from './server-clock';
import type { SCHEMAS } from './schemas';

type Schemas = typeof SCHEMAS;
export type SchemaName = keyof Schemas;
/** A schema given as a loader: apiFetch awaits it only once there is a body to check. */
export type SchemaLoader<T> = () => Promise<z.ZodType<T>>;

/** One of the browser's answer schemas (lib/queries/schemas.ts), loaded with zod on the first request that needs it. */
export function contractSchema<K extends SchemaName>(name: K): () => Promise<Schemas[K]> {
  return () => import('./schemas').then((m) => m.SCHEMAS[name]);
}

/**
 * How apiFetch reaches Runboard's API: the browser's fetch unless given. The server's page prefetch passes one that
 * answers the same `/api/...` paths from the upstream directly (lib/server/page-data), so a page's first HTML holds
 * exactly what the browser's own queries would have produced: same URLs, same envelope handling, same contract parse.
 */
export type ApiTransport = (url: string, init: RequestInit) => Promise<Response>;

type ApiFetchOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A body sent as is (e.g. text/csv) instead of JSON. */
  rawBody?: { text: string; contentType: string };
  query?: Record<string, string | number | undefined | null | string[]>;
  signal?: AbortSignal;
  schema: z.ZodType<T> | SchemaLoader<T>;
  transport?: ApiTransport;
  /** Why this change is made: recorded in the audit log (sent as X-Runboard-Reason). */
  reason?: string | null;
};

/**
 * The X-Runboard-Reason header for a reason or note. Browsers only send Latin-1 in headers, so the text goes
 * percent-encoded behind `utf-8''` (RFC 8187 style), which the server decodes.
 */
export function reasonHeader(reason: string | null | undefined): Record<string, string> {
  const text = reason?.trim();
  return text ? { 'x-runboard-reason': `utf-8''${encodeURIComponent(text)}` } : {};
}

/** Builds `/api/...` URLs; array values become repeated `key[]` params the way the upstream expects. */
export function apiUrl(path: string, query?: ApiFetchOptions<unknown>['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(`${key}[]`, item);
    else params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The only place the browser calls fetch: parses success bodies with the contract, errors into ApiRequestError. */
export async function apiFetch<T>(path: string, options: ApiFetchOptions<T>): Promise<T> {
  const { method = 'GET', body, rawBody, query, signal, schema, transport, reason } = options;
  let response: Response;
  try {
    const init: RequestInit = {
      method,
      signal,
      headers: {
        accept: 'application/json',
        ...(rawBody ? { 'content-type': rawBody.contentType } : body === undefined ? {} : { 'content-type': 'application/json' }),
        ...reasonHeader(reason),
      },
      body: rawBody ? rawBody.text : body === undefined ? undefined : JSON.stringify(body),
    };
    const url = apiUrl(path, query);
    const sentMs = Date.now();
    response = await (transport ? transport(url, init) : fetch(url, init));
    if (!transport) noteServerClock(response.headers, sentMs, Date.now());
  } catch (error) {
    if (signal?.aborted) throw error;
    if (!transport) reportNoAnswer();
    throw new ApiRequestError({ status: 0, message: 'Runboard could not be reached. Check your network connection.', code: 'network_error' });
  }
  const requestId = response.headers.get('x-request-id');
  // 204 No Content (a delete): nothing to parse.
  if (response.status === 204) return (await (typeof schema === 'function' ? schema() : schema)).parse(null);
  const text = await response.text();
  // A gateway's own 502/503/504 page (not JSON, not from Runboard) means Runboard did not answer either.
  const gatewayPage = response.status >= 502 && response.status <= 504 && !requestId && !text.trimStart().startsWith('{');
  if (!transport) {
    if (gatewayPage) reportNoAnswer();
    else reportAnswer();
  }
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiRequestError({ status: response.status || 502, message: `Expected JSON from ${path}, got: ${text.slice(0, 120)}`, requestId });
    }
  }
  if (!response.ok) {
    const err = (json as { error?: { message?: unknown; type?: unknown; code?: unknown; param?: unknown } } | null)?.error;
    throw new ApiRequestError({
      status: response.status,
      message: typeof err?.message === 'string' ? err.message : `Request failed with status ${response.status}`,
      type: typeof err?.type === 'string' ? err.type : null,
      code: err?.code == null ? null : String(err.code),
      param: typeof err?.param === 'string' ? err.param : null,
      requestId,
      detail: err && typeof err === 'object' ? (err as Record<string, unknown>) : null,
    });
  }
  const checker = typeof schema === 'function' ? await schema() : schema;
  const parsed = checker.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError({
      status: 502,
      message: `The upstream answered ${path} with a shape Runboard does not understand: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      code: 'unexpected_shape',
      requestId,
    });
  }
  return parsed.data;
}
