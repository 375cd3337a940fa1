// Browser-side mirror of the API error envelope, so components can branch on status/code and show the
// upstream's message verbatim with its request id.
export class ApiRequestError extends Error {
  readonly status: number;
  readonly type: string | null;
  readonly code: string | null;
  readonly param: string | null;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    message: string;
    type?: string | null;
    code?: string | null;
    param?: string | null;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiRequestError';
    this.status = init.status;
    this.type = init.type ?? null;
    this.code = init.code ?? null;
    this.param = init.param ?? null;
    this.requestId = init.requestId ?? null;
  }

  /** 4xx answers will not change on retry; 408/429 are the exceptions worth retrying. */
  get isPermanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}
