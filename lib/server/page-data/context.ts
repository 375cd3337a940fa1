import 'server-only';
import { headers } from 'next/headers';
import { resolveCaller, type Caller } from '../access';

// What a page's data loader knows about the request it serves: its headers (the caller is resolved from them exactly
// as for a proxied request; sign-in can add the session here and check it in the loaders) and whether it is a
// document load or a navigation inside the already-running app.

export type PageRequest = {
  headers: Headers;
  /**
   * 'client': the app router asking for the next page's server components (a link, a filter or cursor change). The
   * browser's query cache and queries are already running then, so the loaders leave the data to them: the URL and
   * the view change at once (previous rows kept while fetching) instead of after the upstream has answered.
   */
  navigation: 'document' | 'client';
};

/** The current page request (call from a page's server component). */
export async function currentPageRequest(): Promise<PageRequest> {
  const incoming = new Headers(await headers());
  // Next marks its router's server-component requests with `RSC: 1` (next/dist/client/components/app-router-headers).
  return { headers: incoming, navigation: incoming.get('rsc') === '1' ? 'client' : 'document' };
}

export function pageCaller(request: PageRequest): Promise<Caller> {
  return resolveCaller(new Request('http://runboard.internal/', { headers: request.headers }));
}
