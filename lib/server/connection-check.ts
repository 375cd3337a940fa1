import 'server-only';
import { connectionHost, maskKey, type Connection } from '@/lib/upstream/connection';
import { UpstreamHttpError, isUpstreamError } from '@/lib/upstream/errors';
import { upstreamJson } from '@/lib/upstream/json';
import { errorResponse } from './api-error';
import { getDefaultConnection } from './connection';
import { ConfigError } from '@/lib/upstream/config';

// GET /api/connection: what Runboard is connected to (never the key: a masked "…abcd" only) and a live check in
// plain words. The check is one cheap GET /assistants?limit=1, cached for a few seconds so a banner that polls does
// not turn into upstream traffic.

export type CheckStatus = 'ok' | 'unauthorized' | 'not_assistants' | 'sunset' | 'unreachable' | 'timeout' | 'error';
export type ConnectionCheck = { status: CheckStatus; message: string; httpStatus: number | null; latencyMs: number; checkedAt: string };

const SUNSET_HOSTS = new Set(['api.openai.com']);
export const SUNSET_MESSAGE =
  'OpenAI switched the Assistants API off on 2026-08-26, so api.openai.com no longer serves threads and runs. ' +
  'Point OPENAI_BASE_URL at an Assistants-compatible server, or unset it to use the built-in emulator.';

const CHECK_TTL_MS = 5_000;
const CHECK_TIMEOUT_MS = 5_000;
type CheckCache = Map<string, { at: number; result: Promise<ConnectionCheck> }>;
const holder = globalThis as typeof globalThis & { runboardConnectionChecks?: CheckCache };

export async function checkConnection(connection: Connection, fetchImpl?: typeof fetch): Promise<ConnectionCheck> {
  const host = connectionHost(connection);
  const started = performance.now();
  const done = (status: CheckStatus, message: string, httpStatus: number | null = null): ConnectionCheck => ({
    status,
    message,
    httpStatus,
    latencyMs: Math.round(performance.now() - started),
    checkedAt: new Date().toISOString(),
  });
  const sunset = SUNSET_HOSTS.has(new URL(connection.baseUrl).hostname);
  try {
    const { data } = await upstreamJson(
      connection,
      { method: 'GET', path: '/assistants', query: [['limit', '1']] },
      { maxRetries: 0, timeoutMs: Math.min(CHECK_TIMEOUT_MS, connection.timeoutMs), ...(fetchImpl ? { fetch: fetchImpl } : {}) },
    );
    if ((data as { object?: unknown } | null)?.object !== 'list') {
      return done('not_assistants', `${host} answered GET /assistants with JSON that is not an Assistants list; is this an Assistants v2 server?`, 200);
    }
    return done('ok', `Reachable: ${host} answers as an Assistants v2 server.`, 200);
  } catch (error) {
    if (sunset) return done('sunset', SUNSET_MESSAGE, error instanceof UpstreamHttpError ? error.status : null);
    if (error instanceof UpstreamHttpError) {
      if (error.status === 401 || error.status === 403) {
        return done('unauthorized', `${host} refused the configured key (HTTP ${error.status}). Check OPENAI_API_KEY${connection.authStyle === 'api-key' ? ' and OPENAI_AUTH_HEADER' : ''}.`, error.status);
      }
      if (error.status === 404 || error.status === 405) {
        return done('not_assistants', `${host} is reachable but has no Assistants endpoints (GET /assistants → HTTP ${error.status}). Check the path in OPENAI_BASE_URL (usually ends in /v1).`, error.status);
      }
      return done('error', `${host} answered GET /assistants with HTTP ${error.status}.`, error.status);
    }
    if (isUpstreamError(error)) {
      if (error.kind === 'timeout') return done('timeout', error.message);
      if (error.kind === 'bad_response') return done('not_assistants', `${error.message}; is this an Assistants v2 server?`);
      return done('unreachable', error.message);
    }
    throw error;
  }
}

function cachedCheck(connection: Connection): Promise<ConnectionCheck> {
  holder.runboardConnectionChecks ??= new Map();
  const cache = holder.runboardConnectionChecks;
  const key = `${connection.id}|${connection.baseUrl}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CHECK_TTL_MS) return hit.result;
  const result = checkConnection(connection);
  cache.set(key, { at: Date.now(), result });
  result.catch(() => cache.delete(key));
  return result;
}

/** Tests (and a future "re-check" button) drop cached results. */
export function clearConnectionChecks(): void {
  holder.runboardConnectionChecks?.clear();
}

export function describeConnection(connection: Connection) {
  return {
    id: connection.id,
    name: connection.name,
    mode: connection.mode,
    host: connectionHost(connection),
    baseUrl: connection.baseUrl,
    authStyle: connection.authStyle,
    apiVersion: connection.apiVersion,
    organization: connection.organization,
    project: connection.project,
    maskedKey: maskKey(connection.apiKey),
  };
}

export async function handleConnectionRequest(): Promise<Response> {
  let connection: Connection;
  try {
    connection = await getDefaultConnection();
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : 'unknown error';
    return errorResponse(503, `Runboard has no usable upstream connection. ${message}`, { type: 'server_error', code: 'no_upstream' });
  }
  const check = await cachedCheck(connection);
  return Response.json({ connection: describeConnection(connection), check }, { headers: { 'cache-control': 'no-store' } });
}
