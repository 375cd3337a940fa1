import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/cookie-name';
import { errorResponse } from '@/lib/server/api-error';
import { hostPolicy, isAllowedHost, isCrossSiteWrite, requestedHost } from '@/lib/server/host-check';

// Runs before every request (Next 16's proxy, formerly middleware). Cheap checks only, no database: the Host name
// (DNS rebinding), cross-site writes, and sending signed-out page visits to /sign-in. Pages, loaders and API routes
// check the session themselves; this only spares a signed-out visitor an empty page.

const PUBLIC_PAGES = ['/sign-in', '/setup', '/invite'];

export function proxy(request: NextRequest): Response | undefined {
  const policy = hostPolicy();
  const host = requestedHost(request.headers, policy);
  if (!isAllowedHost(host, policy)) {
    const allowed = [policy.publicHost, 'localhost', '127.0.0.1', '[::1]'].filter(Boolean).join(', ');
    return errorResponse(421, `Runboard does not answer for the host '${(host ?? '').slice(0, 100)}'. It answers for: ${allowed} (set RUNBOARD_PUBLIC_URL to serve another name).`, { code: 'misdirected_request' });
  }
  if (isCrossSiteWrite(request.method, request.headers, host)) {
    return errorResponse(403, 'Cross-site requests may not change anything in Runboard.', { code: 'cross_site_request' });
  }
  const { pathname, search } = request.nextUrl;
  const isPage = !pathname.startsWith('/api/') && !pathname.startsWith('/_next/') && !/\.[a-z0-9]+$/i.test(pathname);
  if (isPage && !PUBLIC_PAGES.includes(pathname) && !request.cookies.getAll().some((c) => c.name.endsWith(SESSION_COOKIE))) {
    const target = new URL('/sign-in', request.url);
    if (pathname !== '/') target.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(target);
  }
  return undefined;
}
