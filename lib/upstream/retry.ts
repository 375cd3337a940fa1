import 'server-only';

// When and how long to wait before retrying an upstream GET. POSTs are never retried by the caller (a retried
// create-run or submit-tool-outputs could start a second run or submit twice), so nothing here looks at methods.

export const RETRYABLE_STATUSES = new Set([408, 409, 429]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

export type RetryPolicy = {
  /** First backoff, doubled per attempt. */
  baseDelayMs: number;
  /** Longest backoff we pick ourselves. */
  maxBackoffMs: number;
  /** Longest server-requested wait we honour; if the server asks for more, give its answer to the client instead. */
  maxHonouredWaitMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseDelayMs: 250, maxBackoffMs: 2_000, maxHonouredWaitMs: 5_000 };

/** Server-requested wait from retry-after-ms / retry-after (seconds or HTTP date); null when absent or unparseable. */
export function serverRequestedWaitMs(headers: Headers, now = Date.now()): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const after = headers.get('retry-after');
  if (after === null) return null;
  const trimmed = after.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (1-based), or null when we should not retry this answer at all
 * (server says x-should-retry: false, or asks for a wait longer than we are willing to hold the client).
 */
export function retryDelayMs(
  attempt: number,
  headers: Headers | null,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number | null {
  if (headers?.get('x-should-retry') === 'false') return null;
  const requested = headers ? serverRequestedWaitMs(headers) : null;
  if (requested !== null) return requested <= policy.maxHonouredWaitMs ? requested : null;
  const exponential = Math.min(policy.maxBackoffMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Up to 25% jitter downwards so many proxies retrying together do not stampede in lockstep.
  return Math.round(exponential * (1 - random() * 0.25));
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
