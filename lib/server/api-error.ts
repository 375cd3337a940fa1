import 'server-only';
import { isUpstreamError, type UpstreamError } from '@/lib/upstream/errors';
import { log } from './log';
import { redactString } from './redact';

// The one error envelope Runboard answers with, identical to the Assistants API's own
// ({error:{message,type,param,code}}) so the official SDK and our browser fetcher parse both the same way.

export type ErrorFields = { type?: string; code?: string | null; param?: string | null };

export const NO_STORE = 'no-store';

export function errorResponse(
  status: number,
  message: string,
  fields: ErrorFields = {},
  headers: Record<string, string> = {},
): Response {
  const body = {
    error: {
      message: redactString(message),
      type: fields.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error'),
      param: fields.param ?? null,
      code: fields.code ?? null,
    },
  };
  return Response.json(body, { status, headers: { 'cache-control': NO_STORE, ...headers } });
}

/** 502 (unreachable, bad response) or 504 (timeout), naming the upstream host and what happened. */
export function upstreamErrorResponse(error: UpstreamError, headers: Record<string, string> = {}): Response {
  switch (error.kind) {
    case 'timeout':
      return errorResponse(504, error.message, { type: 'upstream_error', code: 'upstream_timeout' }, headers);
    case 'network':
      return errorResponse(502, error.message, { type: 'upstream_error', code: 'upstream_unreachable' }, headers);
    case 'bad_response':
      return errorResponse(502, error.message, { type: 'upstream_error', code: 'upstream_bad_response' }, headers);
    case 'http':
      return errorResponse(502, error.message, { type: 'upstream_error', code: 'upstream_http_error' }, headers);
  }
}

/** Last resort for anything unexpected: logged in full (redacted), answered generically. */
export function unexpectedErrorResponse(error: unknown, context: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  if (isUpstreamError(error)) return upstreamErrorResponse(error, headers);
  log('error', 'server.unexpected_error', { ...context, error });
  return errorResponse(500, 'Runboard hit an unexpected error. The details are in the server log.', { code: 'internal_error' }, headers);
}
