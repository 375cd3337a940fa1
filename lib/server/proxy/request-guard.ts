import 'server-only';
import { formatZodIssues, searchParamsToQuery, type Endpoint } from '@/lib/contract';
import { readCapped } from '@/lib/upstream/read-capped';
import { crossSiteRefusal } from '../host-check';

// Request hygiene: everything about an incoming proxy request that can be refused without contacting the upstream.
// Query keys are checked against the endpoint's allow-list, the body against the contract's strict request schema,
// and browsers' cross-site requests are refused for mutations (the proxy acts with a stored key, so a foreign page
// must not be able to make a visitor's browser start or cancel runs).

export type GuardRejection = { ok: false; status: 400 | 403 | 415; message: string; code: string; param?: string | null };

function reject(status: GuardRejection['status'], code: string, message: string, param: string | null = null): GuardRejection {
  return { ok: false, status, code, message, param };
}

export function checkCrossSite(request: Request, endpoint: Endpoint): GuardRejection | null {
  const refusal = endpoint.mutation ? crossSiteRefusal(request.headers, 'runs through Runboard') : null;
  return refusal === null ? null : reject(403, 'cross_site_request', refusal);
}

export type QueryCheck = { ok: true; forward: Array<[string, string]> } | GuardRejection;

/** Only the endpoint's query keys pass, each value validated; `include` is normalized to the API's `include[]`. */
export function checkQuery(endpoint: Endpoint, params: URLSearchParams): QueryCheck {
  const seen = new Set<string>();
  const forward: Array<[string, string]> = [];
  for (const [key, value] of params) {
    if (!endpoint.query.includes(key)) {
      const allowed = endpoint.query.filter((k) => k !== 'include');
      return reject(
        400,
        'unknown_parameter',
        allowed.length === 0
          ? `Unknown query parameter '${key.slice(0, 64)}': ${endpoint.method} ${endpoint.path} takes no query parameters.`
          : `Unknown query parameter '${key.slice(0, 64)}'. Allowed: ${allowed.join(', ')}.`,
        key.slice(0, 64),
      );
    }
    const isInclude = key === 'include' || key === 'include[]';
    if (!isInclude && seen.has(key)) return reject(400, 'duplicate_parameter', `Query parameter '${key}' was given more than once.`, key);
    seen.add(key);
    forward.push([isInclude ? 'include[]' : key, value]);
  }
  if (endpoint.querySchema) {
    const parsed = endpoint.querySchema.safeParse(searchParamsToQuery(params));
    if (!parsed.success) {
      const { message, param } = formatZodIssues(parsed.error);
      return reject(400, 'invalid_parameter', message.replace(/^Invalid '([^']+)'/, "Invalid query parameter '$1'"), param);
    }
  }
  return { ok: true, forward };
}

export type BodyCheck = { ok: true; body: string | undefined; parsed: Record<string, unknown> | undefined; stream: boolean } | GuardRejection;

const formatBytes = (bytes: number) => (bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(2)} MB` : `${Math.round(bytes / 1024)} KB`);

/** Reads (capped) and validates the JSON body of a POST; GETs must not carry one. */
export async function checkBody(request: Request, endpoint: Endpoint, maxBytes: number): Promise<BodyCheck> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  const tooLarge = () =>
    reject(400, 'body_too_large', `The request body is larger than the ${formatBytes(maxBytes)} limit (RUNBOARD_PROXY_MAX_BODY_BYTES).`);
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const bytes = await readCapped(request.body, maxBytes);
  if (bytes === null) return tooLarge();
  const text = Buffer.from(bytes).toString('utf8');

  if (endpoint.body === null) {
    // No-body endpoints (GETs, cancel): tolerate an empty JSON object, refuse anything else rather than drop it silently.
    if (text.trim() === '' || text.trim() === '{}') return { ok: true, body: undefined, parsed: undefined, stream: false };
    return reject(400, 'unexpected_body', `${endpoint.method} ${endpoint.path} takes no request body.`);
  }

  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/json') {
    return reject(415, 'unsupported_content_type', `Content-Type must be application/json (got ${contentType ? `'${contentType.slice(0, 64)}'` : 'none'}).`);
  }
  if (text.trim() === '') return reject(400, 'missing_body', 'The request body is empty; expected a JSON object.');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return reject(400, 'invalid_json', 'We could not parse the JSON body of your request. The body must be valid JSON.');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return reject(400, 'invalid_body', 'The request body must be a JSON object.');
  }
  const parsed = endpoint.body.safeParse(json);
  if (!parsed.success) {
    const { message, param } = formatZodIssues(parsed.error);
    return reject(400, 'invalid_body', message, param);
  }
  const body = json as Record<string, unknown>;
  return { ok: true, body: JSON.stringify(body), parsed: body, stream: endpoint.streamable && body.stream === true };
}
