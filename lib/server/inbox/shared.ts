import 'server-only';
import { ID_PATTERN } from '@/lib/contract/kinds';
import { getStore } from '@/lib/store/db';
import type { Db } from '@/lib/store/threads-seen';
import type { Connection } from '@/lib/upstream/connection';
import { AuditUnavailableError } from '../audit';
import { errorResponse, unexpectedErrorResponse } from '../api-error';
import { getDefaultConnection } from '../connection';

// What the index and inbox routes share: the connection and store, id checks, JSON bodies, and the 503 a mutation
// gets when its audit record cannot be written (nothing changes then).

export type RouteContext = { connection: Connection; db: Db };

export async function routeContext(): Promise<RouteContext> {
  const connection = await getDefaultConnection();
  const { db } = await getStore();
  return { connection, db };
}

export function badId(name: string, value: unknown): Response | null {
  if (typeof value === 'string' && ID_PATTERN.test(value)) return null;
  return errorResponse(400, `Invalid '${name}': IDs are 1-128 characters of A-Z, a-z, 0-9, _ and -.`, { param: name, code: 'invalid_id' });
}

export async function readJsonBody(request: Request, maxBytes = 1_048_576): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.length > maxBytes) return { ok: false, response: errorResponse(413, `The body is larger than ${maxBytes} bytes.`, { code: 'body_too_large' }) };
  try {
    return { ok: true, value: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { ok: false, response: errorResponse(400, 'The body is not valid JSON.', { code: 'invalid_json' }) };
  }
}

export function failure(error: unknown, route: string): Response {
  if (error instanceof AuditUnavailableError) return errorResponse(503, error.message, { type: 'server_error', code: 'audit_unavailable' });
  return unexpectedErrorResponse(error, { route });
}

/** Parses an optional integer query parameter within bounds; a Response when it is invalid. */
export function intParam(url: URL, name: string, fallback: number, min: number, max: number): number | Response {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) return errorResponse(400, `Invalid '${name}': must be an integer between ${min} and ${max}.`, { param: name });
  return n;
}

export function encodeCursor(parts: Array<string | number>): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(raw: string | null): Array<string | number> | null | 'invalid' {
  if (!raw) return null;
  try {
    const parts = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(parts) ? (parts as Array<string | number>) : 'invalid';
  } catch {
    return 'invalid';
  }
}
