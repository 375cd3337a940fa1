import 'server-only';
import { ID_PATTERN, ENDPOINTS, type Endpoint, type PathParamName } from '@/lib/contract';

// Resolves `/api/v1/<path>` to an allow-listed endpoint, or to the precise reason it is refused. Only entries of the
// contract's endpoint table flagged `proxied: true` exist here: the emulator's extra endpoints (create thread,
// delete thread, …) look exactly like unknown paths to the proxy.

export const PROXY_PREFIX = '/api/v1';

export type Rejection = { status: 400 | 404 | 405; message: string; code: string; param?: string; allow?: string[] };
export type RouteMatch = { ok: true; endpoint: Endpoint; params: Record<string, string>; apiPath: string } | ({ ok: false } & Rejection);

const PROXIED = ENDPOINTS.filter((e) => e.proxied).map((endpoint) => ({
  endpoint: endpoint as Endpoint,
  segments: endpoint.path.split('/').slice(1),
  literals: endpoint.path.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
}));

/** Plain path segments only: what every allow-listed path is made of. Anything else is refused before matching. */
const SEGMENT = /^[A-Za-z0-9_-]+$/;

function reject(status: Rejection['status'], code: string, message: string, extra: Partial<Rejection> = {}): RouteMatch {
  return { ok: false, status, code, message, ...extra };
}

/** Checks the raw (still percent-encoded) pathname of the incoming request. */
export function matchProxyRoute(method: string, rawPathname: string): RouteMatch {
  if (!rawPathname.startsWith(`${PROXY_PREFIX}/`)) return reject(404, 'unknown_url', `Unknown request URL: ${method} ${rawPathname.slice(0, 200)}.`);
  const apiPath = rawPathname.slice(PROXY_PREFIX.length);
  const shown = `${method} /v1${apiPath.length > 200 ? `${apiPath.slice(0, 200)}…` : apiPath}`;
  if (apiPath.length > 1024) return reject(400, 'path_too_long', 'The request path is too long.');
  if (/%/.test(apiPath)) {
    return reject(400, 'invalid_path', `Invalid request path: encoded characters (%xx) are not allowed in ${shown}.`);
  }
  const parts = apiPath.slice(1).split('/');
  for (const part of parts) {
    if (part === '' ) return reject(400, 'invalid_path', `Invalid request path: empty segment (//) or trailing slash in ${shown}.`);
    if (part === '.' || part === '..') return reject(400, 'invalid_path', `Invalid request path: '.' and '..' segments are not allowed.`);
    if (part.includes(':')) return reject(400, 'invalid_path', `Invalid request path: absolute URLs cannot be proxied.`);
    if (!SEGMENT.test(part)) {
      return reject(400, 'invalid_path', `Invalid request path: segments may only contain A-Z, a-z, 0-9, _ and - (${shown}).`);
    }
  }

  const shaped = PROXIED.filter((c) => c.segments.length === parts.length && c.segments.every((s, i) => s.startsWith('{') || s === parts[i]));
  if (shaped.length === 0) {
    return reject(404, 'unknown_url', `Unknown request URL: ${shown}. Runboard forwards only the Assistants runs, steps, threads (read), messages (read), assistants (read) and files (read) endpoints.`);
  }
  const upper = method.toUpperCase();
  const best = shaped.filter((c) => c.endpoint.method === upper).sort((a, b) => b.literals - a.literals)[0];
  if (!best) {
    const allow = [...new Set(shaped.map((c) => c.endpoint.method))];
    return reject(405, 'method_not_allowed', `Method ${upper} is not allowed on ${shown.replace(/^\S+ /, '')}; allowed: ${allow.join(', ')}.`, { allow });
  }

  const params: Record<string, string> = {};
  for (let i = 0; i < best.segments.length; i += 1) {
    const segment = best.segments[i] ?? '';
    if (!segment.startsWith('{')) continue;
    const name = segment.slice(1, -1) as PathParamName;
    const value = parts[i] ?? '';
    // Any well-formed id, whatever its prefix: facades and gateways issue their own (`file_…`, UUIDs, nanoids), and
    // refusing an id the upstream would accept is refusing a valid request.
    if (!ID_PATTERN.test(value)) {
      const detail = value.length > 128 ? `Invalid '${name}': IDs are at most 128 characters.` : `Invalid '${name}': IDs are 1-128 characters of A-Z, a-z, 0-9, _ and -.`;
      return reject(400, 'invalid_id', detail, { param: name });
    }
    params[name] = value;
  }
  return { ok: true, endpoint: best.endpoint, params, apiPath };
}
