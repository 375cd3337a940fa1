import 'server-only';

// Which Host names Runboard answers for: RUNBOARD_PUBLIC_URL's host and the loopback names. Anything else is refused
// before routing, on pages and API alike — otherwise a web page could reach a loopback Runboard through DNS
// rebinding (its own name resolving to 127.0.0.1, its requests then "same-origin"). Also refuses state-changing
// requests that a browser marks as coming from another site, whatever the route.

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export type HostPolicy = { publicHost: string | null; trustProxy: boolean };

export function hostPolicy(env: Record<string, string | undefined> = process.env): HostPolicy {
  let publicHost: string | null = null;
  const raw = env.RUNBOARD_PUBLIC_URL?.trim();
  if (raw) {
    try {
      publicHost = new URL(raw).host.toLowerCase();
    } catch {
      // An invalid value stops the server at start (lib/auth/env.ts); until then nothing but loopback is served.
    }
  }
  return { publicHost, trustProxy: /^(1|true|yes)$/i.test(env.RUNBOARD_TRUST_PROXY?.trim() ?? '') };
}

/** The host the client asked for: X-Forwarded-Host from a trusted proxy, else Host. Lower-cased, port kept. */
export function requestedHost(headers: Headers, policy: HostPolicy): string | null {
  const forwarded = policy.trustProxy ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return (forwarded || headers.get('host') || '').toLowerCase() || null;
}

function hostname(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d+$/, '');
}

export function isAllowedHost(host: string | null, policy: HostPolicy): boolean {
  if (!host) return false;
  if (policy.publicHost && (host === policy.publicHost || hostname(host) === policy.publicHost)) return true;
  return LOOPBACK.has(hostname(host));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A browser's cross-site state-changing request (Sec-Fetch-Site, or an Origin whose host is not the one asked for). */
export function isCrossSiteWrite(method: string, headers: Headers, host: string | null): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers.get('origin');
  if (origin === null) return false;
  try {
    return new URL(origin).host.toLowerCase() !== host;
  } catch {
    return true;
  }
}

/**
 * Why a browser's request comes from another site (Sec-Fetch-Site says so, or its Origin names another host than the
 * one it was sent to), or null. `what` ends the message: "Requests from evil.example may not change <what>." The
 * proxy and the people routes ask this for their changes on top of isCrossSiteWrite, as their handlers also run
 * without proxy.ts in front (tests call them directly). Non-browser clients (SDK, curl) send neither header.
 */
export function crossSiteRefusal(headers: Headers, what: string): string | null {
  if (headers.get('sec-fetch-site') === 'cross-site') return `Cross-site requests may not change ${what}.`;
  const origin = headers.get('origin');
  if (origin === null) return null;
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return 'The Origin header is not a valid origin.';
  }
  return host && originHost === host ? null : `Requests from ${originHost} may not change ${what}.`;
}
