import 'server-only';

// Typed failures of a call to the upstream. Each names the upstream host (never the key or full URL with query),
// so a message can be shown to a user as-is. The proxy maps them to 502/504 answers in the API error envelope.

export type UpstreamErrorKind = 'http' | 'timeout' | 'network' | 'bad_response';

export abstract class UpstreamError extends Error {
  abstract readonly kind: UpstreamErrorKind;
  /** host[:port] of the upstream, safe to show. */
  readonly host: string;
  /** How many attempts were made before giving up (retries included). */
  readonly attempts: number;

  constructor(message: string, host: string, attempts: number, options?: { cause?: unknown }) {
    super(message, options);
    this.host = host;
    this.attempts = attempts;
  }
}

/** A non-2xx answer, kept with its (already read) body so callers can pass the envelope on. */
export class UpstreamHttpError extends UpstreamError {
  readonly kind = 'http' as const;
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string | null;

  constructor(init: { host: string; status: number; body: unknown; requestId: string | null; attempts: number }) {
    super(`Upstream ${init.host} answered HTTP ${init.status}${describeEnvelope(init.body)}`, init.host, init.attempts);
    this.name = 'UpstreamHttpError';
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId;
  }
}

export class UpstreamTimeoutError extends UpstreamError {
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;

  constructor(init: { host: string; timeoutMs: number; attempts: number }) {
    super(`Upstream ${init.host} did not answer within ${init.timeoutMs} ms`, init.host, init.attempts);
    this.name = 'UpstreamTimeoutError';
    this.timeoutMs = init.timeoutMs;
  }
}

export class UpstreamNetworkError extends UpstreamError {
  readonly kind = 'network' as const;
  /** e.g. ECONNREFUSED, ECONNRESET, ENOTFOUND, when Node reports one. */
  readonly code: string | null;

  constructor(init: { host: string; cause: unknown; attempts: number }) {
    const code = networkErrorCode(init.cause);
    super(
      `Could not reach upstream ${init.host}: ${code ? describeNetworkCode(code) : `the connection failed${innermostMessage(init.cause)}`}`,
      init.host,
      init.attempts,
      { cause: init.cause },
    );
    this.name = 'UpstreamNetworkError';
    this.code = code;
  }
}

/** 2xx answer whose body is not what an Assistants server sends (not JSON, or not the expected shape). */
export class UpstreamBadResponseError extends UpstreamError {
  readonly kind = 'bad_response' as const;
  readonly status: number;
  /** First characters of the body, for logs and error messages (never contains our key: it is the upstream's text). */
  readonly snippet: string;

  constructor(init: { host: string; status: number; detail: string; snippet: string; attempts: number }) {
    super(`Upstream ${init.host} sent an invalid response (HTTP ${init.status}): ${init.detail}`, init.host, init.attempts);
    this.name = 'UpstreamBadResponseError';
    this.status = init.status;
    this.snippet = init.snippet;
  }
}

export function isUpstreamError(value: unknown): value is UpstreamError {
  return value instanceof UpstreamError;
}

function describeEnvelope(body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === 'string' ? `: ${message}` : '';
}

/** undici wraps the socket error: fetch failed → cause { code: 'ECONNREFUSED' } (sometimes nested twice). */
export function networkErrorCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code.length > 0) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function innermostMessage(error: unknown): string {
  let current: unknown = error;
  let message = '';
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const text = (current as { message?: unknown }).message;
    if (typeof text === 'string' && text && text !== 'fetch failed') message = text;
    current = (current as { cause?: unknown }).cause;
  }
  return message ? ` (${message})` : '';
}

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (is the server running and the port right?)',
  ECONNRESET: 'the connection was reset by the server',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  ETIMEDOUT: 'the TCP connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers arrived in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
};

function describeNetworkCode(code: string): string {
  return NETWORK_CODES[code] ? `${NETWORK_CODES[code]} [${code}]` : code;
}
