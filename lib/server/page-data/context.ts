import 'server-only';
import { headers } from 'next/headers';
import { resolveCaller, type Caller } from '../access';

// What a page's data loader knows about the request it serves. Only the headers today (the caller is resolved from
// them exactly as for a proxied request); sign-in can add the session here and check it in the loaders.

export type PageRequest = { headers: Headers };

/** The current page request (call from a page's server component). */
export async function currentPageRequest(): Promise<PageRequest> {
  return { headers: new Headers(await headers()) };
}

export function pageCaller(request: PageRequest): Caller {
  return resolveCaller(new Request('http://runboard.internal/', { headers: request.headers }));
}
