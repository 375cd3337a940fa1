import 'server-only';

// Builds upstream URLs from a base and an API path. The path is re-checked here even though the proxy validates it,
// because this module is the last line before the network: no `..`, no encoded characters, no host switch.

const SAFE_SEGMENT = /^[A-Za-z0-9_.-]+$/;

export class UnsafeUpstreamPathError extends Error {
  constructor(path: string) {
    super(`Refusing to build an upstream URL from unsafe path ${JSON.stringify(path.slice(0, 200))}`);
    this.name = 'UnsafeUpstreamPathError';
  }
}

export function isSafeApiPath(path: string): boolean {
  if (!path.startsWith('/') || path.length > 1024) return false;
  const segments = path.slice(1).split('/');
  return segments.every((segment) => SAFE_SEGMENT.test(segment) && segment !== '.' && segment !== '..');
}

export type QueryInput = URLSearchParams | ReadonlyArray<readonly [string, string]> | undefined;

/** `${base}${path}?${query}&api-version=…`; throws UnsafeUpstreamPathError for anything but plain segments. */
export function buildUpstreamUrl(baseUrl: string, path: string, query?: QueryInput, apiVersion?: string | null): URL {
  if (!isSafeApiPath(path)) throw new UnsafeUpstreamPathError(path);
  const base = new URL(baseUrl);
  const url = new URL(base.href);
  url.pathname = `${base.pathname.replace(/\/+$/, '')}${path}`;
  url.search = '';
  url.hash = '';
  const params = new URLSearchParams();
  for (const [key, value] of query ?? []) params.append(key, value);
  if (apiVersion) params.set('api-version', apiVersion);
  const search = params.toString();
  if (search) url.search = search;
  // Belt and braces: the result must still be on the configured origin and under its base path.
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/+$/, ''))) {
    throw new UnsafeUpstreamPathError(path);
  }
  return url;
}
