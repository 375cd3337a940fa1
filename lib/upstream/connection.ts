import 'server-only';
import type { AuthStyle, UpstreamEnv } from './config';

// A Connection is everything needed to talk to one Assistants-compatible upstream. Today there is one (the default,
// from env or the embedded emulator); the id/name exist so several named connections can be offered later and so
// caches are keyed per connection and never shared between them.

export type ConnectionMode = 'emulator' | 'upstream';

export type Connection = {
  readonly id: string;
  readonly name: string;
  readonly mode: ConnectionMode;
  /** Base URL without trailing slash and without credentials, e.g. https://api.openai.com/v1. */
  readonly baseUrl: string;
  readonly authStyle: AuthStyle;
  readonly apiVersion: string | null;
  readonly organization: string | null;
  readonly project: string | null;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Non-enumerable: JSON.stringify / console.log / spreading a Connection never shows it. */
  readonly apiKey: string;
};

export type ConnectionInit = Omit<Connection, 'apiKey' | 'baseUrl'> & { baseUrl: string; apiKey: string };

export function createConnection(init: ConnectionInit): Connection {
  const { apiKey, ...rest } = init;
  const connection = { ...rest, baseUrl: init.baseUrl.replace(/\/+$/, '') };
  Object.defineProperty(connection, 'apiKey', { value: apiKey, enumerable: false, writable: false });
  return Object.freeze(connection) as Connection;
}

/** The connection described by OPENAI_* variables; null when OPENAI_BASE_URL is unset (→ embedded emulator). */
export function connectionFromEnv(env: UpstreamEnv): Connection | null {
  if (!env.OPENAI_BASE_URL || !env.OPENAI_API_KEY) return null;
  return createConnection({
    id: env.RUNBOARD_CONNECTION_ID ?? 'default',
    name: env.RUNBOARD_CONNECTION_NAME ?? new URL(env.OPENAI_BASE_URL).host,
    mode: 'upstream',
    baseUrl: env.OPENAI_BASE_URL,
    apiKey: env.OPENAI_API_KEY,
    authStyle: env.OPENAI_AUTH_HEADER,
    apiVersion: env.OPENAI_API_VERSION ?? null,
    organization: env.OPENAI_ORG_ID ?? null,
    project: env.OPENAI_PROJECT_ID ?? null,
    timeoutMs: env.RUNBOARD_UPSTREAM_TIMEOUT_MS,
    maxRetries: env.RUNBOARD_UPSTREAM_RETRIES,
  });
}

/** host[:port] only, safe to show and log. */
export function connectionHost(connection: Pick<Connection, 'baseUrl'>): string {
  return new URL(connection.baseUrl).host;
}

/** "…abcd": the last 4 characters, or just "…" for keys too short to reveal anything. */
export function maskKey(key: string): string {
  return key.length >= 12 ? `…${key.slice(-4)}` : '…';
}

/** Headers the server adds to every upstream call; client headers never get here. */
export function authHeaders(connection: Connection): Record<string, string> {
  const headers: Record<string, string> = { 'OpenAI-Beta': 'assistants=v2' };
  if (connection.authStyle === 'api-key') headers['api-key'] = connection.apiKey;
  else headers.Authorization = `Bearer ${connection.apiKey}`;
  if (connection.organization) headers['OpenAI-Organization'] = connection.organization;
  if (connection.project) headers['OpenAI-Project'] = connection.project;
  return headers;
}
