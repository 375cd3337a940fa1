import 'server-only';

// Which upstream response headers reach the client. Useful ones pass (request id, rate limits, retry hints, polling
// hint, processing time); everything else (cookies, server internals, CORS from the upstream) stays behind.

const PASS_EXACT = new Set([
  'x-request-id',
  'retry-after',
  'retry-after-ms',
  'openai-poll-after-ms',
  'openai-processing-ms',
  'openai-version',
  'x-should-retry',
  'apim-request-id',
  'x-ms-region',
]);

export function passThroughHeaders(upstream: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  upstream.forEach((value, name) => {
    const key = name.toLowerCase();
    if (PASS_EXACT.has(key) || key.startsWith('x-ratelimit-')) out[key] = value;
    // The upstream's clock, under its own name (Runboard's answer has its own Date): the browser measures its skew
    // against the clock that wrote the run's timestamps.
    else if (key === 'date') out['x-upstream-date'] = value;
  });
  return out;
}

/** Content types we let the file-content endpoint answer with; anything else is sent as an opaque download. */
const SAFE_FILE_TYPES = /^(image\/(png|jpeg|gif|webp)|text\/plain|text\/csv|application\/json|application\/pdf|application\/octet-stream)$/;

/**
 * `named` (from the file's metadata) names the download, and gives the type when the upstream sent none or only
 * application/octet-stream.
 */
export function fileContentHeaders(upstream: Headers, named?: { disposition: string; typeFromName: string | null }): Record<string, string> {
  const type = (upstream.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const generic = type === '' || type === 'application/octet-stream';
  const contentType = generic && named?.typeFromName ? named.typeFromName : SAFE_FILE_TYPES.test(type) ? (upstream.get('content-type') ?? type) : 'application/octet-stream';
  return {
    'content-type': contentType,
    ...(named ? { 'content-disposition': named.disposition } : {}),
    // Files come from users' tool runs: never let one execute as a page on Runboard's origin.
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    'cache-control': 'private, max-age=300',
  };
}
