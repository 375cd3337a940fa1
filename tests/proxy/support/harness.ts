import { GET, POST } from '@/app/api/v1/[...path]/route';
import * as route from '@/app/api/v1/[...path]/route';
import { resetServerEnv } from '@/lib/server/env';
import { proxyCaches } from '@/lib/server/proxy/buffered';
import { withIdentity } from './identity';

// Points the server env at an upstream and calls the real route handlers with hand-built Requests (no Next server),
// as a signed-in admin (tests/proxy/support/identity.ts) unless a request says otherwise.

export const ORIGIN = 'http://runboard.test';
// Each variable's value before the first test changed it, put back by restoreEnv (e.g. the per-file RUNBOARD_DB_FILE).
const touched = new Map<string, string | undefined>();

export function setEnv(vars: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(vars)) {
    if (!touched.has(key)) touched.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetServerEnv();
  proxyCaches().poll.clear();
}

export function restoreEnv(): void {
  for (const [key, original] of touched) {
    if (original === undefined) delete process.env[key];
    else process.env[key] = original;
  }
  touched.clear();
  resetServerEnv();
}

export function pointAtUpstream(baseUrl: string, apiKey: string, extra: Record<string, string | undefined> = {}): void {
  // The observe seam records sightings in SQLite; tests keep that in memory instead of data/.
  setEnv({ OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: apiKey, RUNBOARD_LOG: 'off', RUNBOARD_DB_FILE: ':memory:', ...extra });
}

/** `anonymous`: no session cookie is added (the request carries only its own headers). */
export type CallInit = { body?: unknown; rawBody?: string; headers?: Record<string, string>; signal?: AbortSignal; anonymous?: boolean };

const handlers: Record<string, (request: Request) => Promise<Response>> = {
  GET,
  POST,
  PUT: route.PUT,
  PATCH: route.PATCH,
  DELETE: route.DELETE,
  OPTIONS: route.OPTIONS,
  HEAD: route.HEAD,
};

/** Calls the route export for `method` with `/api/v1${path}` (path may carry a query string, left as written). */
export async function callProxy(method: string, path: string, init: CallInit = {}): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const handler = handlers[method];
  if (!handler) throw new Error(`no route export for ${method}`);
  const request = new Request(`${ORIGIN}/api/v1${path}`, { method, headers, body, signal: init.signal });
  return handler(init.anonymous ? request : await withIdentity(request));
}

/** A signed-in GET of a Runboard route (e.g. /api/connection), for route handlers that take a Request. */
export function signedInRequest(path: string): Promise<Request> {
  return withIdentity(new Request(`${ORIGIN}${path}`));
}

/** A fetch that sends `${ORIGIN}/api/v1/...` requests into the route handlers: the SDK goes through the proxy code. */
export const proxyFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const handler = handlers[request.method];
  if (!handler) return new Response('no handler', { status: 500 });
  return handler(await withIdentity(request));
};

export async function errorOf(response: Response): Promise<{ message: string; type: string; code: string | null; param: string | null }> {
  const json = (await response.json()) as { error?: { message: string; type: string; code: string | null; param: string | null } };
  if (!json.error) throw new Error(`expected an error envelope, got ${JSON.stringify(json).slice(0, 200)}`);
  return json.error;
}
