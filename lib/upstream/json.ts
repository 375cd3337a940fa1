import 'server-only';
import type { z } from 'zod';
import { upstreamFetch, type UpstreamCallOptions, type UpstreamRequest } from './client';
import { connectionHost, type Connection } from './connection';
import { UpstreamBadResponseError, UpstreamHttpError } from './errors';

const decoder = new TextDecoder();

/** Parses a buffered body as JSON; undefined when it is not JSON. Empty body → undefined too. */
export function tryParseJson(body: Uint8Array): { ok: true; value: unknown } | { ok: false; text: string } {
  const text = decoder.decode(body);
  if (text.trim() === '') return { ok: false, text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, text };
  }
}

/**
 * JSON call for server-side code (connection check, server prefetch): 2xx JSON → parsed (and schema-checked when a
 * schema is given); non-2xx → UpstreamHttpError with the envelope; non-JSON or wrong shape → UpstreamBadResponseError.
 */
export async function upstreamJson<T = unknown>(
  connection: Connection,
  request: UpstreamRequest,
  options: UpstreamCallOptions & { schema?: z.ZodType<T> } = {},
): Promise<{ data: T; status: number; headers: Headers; requestId: string | null }> {
  const host = connectionHost(connection);
  const answer = await upstreamFetch(connection, request, options);
  const parsed = tryParseJson(answer.body);
  if (answer.status < 200 || answer.status >= 300) {
    throw new UpstreamHttpError({
      host,
      status: answer.status,
      body: parsed.ok ? parsed.value : null,
      requestId: answer.upstreamRequestId,
      attempts: answer.attempts,
    });
  }
  if (!parsed.ok) {
    throw new UpstreamBadResponseError({
      host,
      status: answer.status,
      detail: 'the body is not JSON',
      snippet: parsed.text.slice(0, 200),
      attempts: answer.attempts,
    });
  }
  if (options.schema) {
    const checked = options.schema.safeParse(parsed.value);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new UpstreamBadResponseError({
        host,
        status: answer.status,
        detail: `unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
        snippet: JSON.stringify(parsed.value).slice(0, 200),
        attempts: answer.attempts,
      });
    }
    return { data: checked.data, status: answer.status, headers: answer.headers, requestId: answer.upstreamRequestId };
  }
  return { data: parsed.value as T, status: answer.status, headers: answer.headers, requestId: answer.upstreamRequestId };
}
