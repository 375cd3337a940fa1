// Telling "this server has no such endpoint" from "this server has no such object". Both can be a 404, and a page
// must never confuse them: a missing object is a message about the object; a missing endpoint is a fact about the
// server, said once and never polled. Pure (no server-only import) so it is unit-tested directly.

/** Messages routers send for a path they do not serve (OpenAI, Fastify, Express, Nest, ASP.NET, Go's mux, …). */
const ROUTE_MISSING = [
  /^Invalid URL \(/i, // OpenAI
  /^Route \S+ not found/i, // Fastify
  /^Cannot (GET|POST|PUT|DELETE|PATCH) \//i, // Express
  /^unknown (url|route|endpoint|path)/i,
  /^(endpoint|route|path|method) not (found|supported|implemented)/i,
  /not implemented/i,
  /^404 page not found$/i, // Go
  /^Not Found$/i,
];

function messageOf(body: unknown): string | null {
  if (typeof body === 'string') return body.trim();
  if (typeof body !== 'object' || body === null) return null;
  const record = body as { error?: unknown; message?: unknown; detail?: unknown };
  if (typeof record.error === 'object' && record.error !== null) {
    const message = (record.error as { message?: unknown }).message;
    return typeof message === 'string' ? message.trim() : null;
  }
  if (typeof record.message === 'string') return record.message.trim();
  if (typeof record.detail === 'string') return record.detail.trim();
  return typeof record.error === 'string' ? record.error.trim() : null;
}

/** True when the Assistants error envelope names an object ("No run found with id 'run_…'."). */
function namesMissingObject(message: string): boolean {
  return /^No \w+( \w+)? found with id/i.test(message) || /\b(thread|run|step|message|assistant|file)\b.*\bnot found\b/i.test(message) && !/^Route /i.test(message);
}

/**
 * Whether an error answer means the endpoint itself is missing. 405 and 501 always do. A 404 does when its body is
 * not the API's error envelope (a framework's own 404, an HTML page, nothing), or when the envelope's message is a
 * router's "unknown URL" wording rather than a missing object.
 */
export function isMissingEndpoint(status: number, body: unknown): boolean {
  if (status === 405 || status === 501) return true;
  if (status !== 404) return false;
  const hasEnvelope = typeof body === 'object' && body !== null && typeof (body as { error?: unknown }).error === 'object' && (body as { error?: unknown }).error !== null;
  const message = messageOf(body);
  if (message && ROUTE_MISSING.some((re) => re.test(message))) return true;
  if (!hasEnvelope) return !(message && namesMissingObject(message));
  return false;
}

/** True when an error body says which object is missing (the endpoint exists: it looked the object up). */
export function isMissingObject(status: number, body: unknown): boolean {
  const message = messageOf(body);
  return status === 404 && message !== null && namesMissingObject(message) && !isMissingEndpoint(status, body);
}

/** The router's own words, for the message shown to people (trimmed). */
export function missingEndpointDetail(body: unknown): string | null {
  const message = messageOf(body);
  return message ? message.slice(0, 160) : null;
}
