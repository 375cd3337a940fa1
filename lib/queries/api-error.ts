// Browser-side mirror of the API error envelope, so components can branch on status/code and show the
// upstream's message verbatim with its request id.
export class ApiRequestError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly code: string | null;
  readonly param: string | null;
  readonly requestId: string | null;
  /** The envelope's whole `error` object: some answers carry more than the message (a 409 names the current claim). */
  readonly detail: Record<string, unknown> | null;

  constructor(init: {
    status: number;
    message: string;
    type?: string | null;
    code?: string | null;
    param?: string | null;
    requestId?: string | null;
    detail?: Record<string, unknown> | null;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.type = init.type ?? null;
    this.code = init.code ?? null;
    this.param = init.param ?? null;
    this.requestId = init.requestId ?? null;
    this.detail = init.detail ?? null;
  }

  /** A 2xx body that does not match the contract: the upstream answered, so this is not an outage. */
  get isUnexpectedShape(): boolean {
    return this.code === 'unexpected_shape';
  }

  /** 4xx answers (and bodies we cannot read) will not change on retry; 408/429 are the exceptions worth retrying. */
  get isPermanent(): boolean {
    if (this.isUnexpectedShape) return true;
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

/** The upstream has no such endpoint (told apart from a missing object by the proxy): say so once, never retry or poll. */
export function isEndpointNotSupported(value: unknown): boolean {
  return isApiRequestError(value) && value.code === 'endpoint_not_supported';
}
