import 'server-only';
import { dehydrate, type DehydratedState } from '@tanstack/react-query';
import type { ApiTransport } from '@/lib/queries/fetcher';
import { inboxQueryOptions } from '@/lib/queries/inbox';
import { getQueryClient } from '@/lib/queries/query-client';
import type { InboxFilters } from '@/lib/view/inbox-filters';
import type { Caller } from '../access';
import { errorResponse } from '../api-error';
import { handleInbox } from '../inbox/list';
import { log } from '../log';
import { pageCaller, type PageRequest } from './context';

// The inbox page's prefetch. Its data is Runboard's own (the index and the watcher's findings in the database), not
// the upstream's, so the transport answers the browser's `/api/...` paths with the same handlers the API routes use,
// for the same caller ("claimed by me" needs to know who asks). Read-only.

type LocalHandler = (request: Request, caller: Caller) => Promise<Response> | Response;

const ORIGIN = 'http://runboard.internal';
const LOCAL_ROUTES: Record<string, LocalHandler> = { '/api/inbox': handleInbox };

function localTransport(caller: Caller): ApiTransport {
  return async (url, init) => {
    if ((init.method ?? 'GET') !== 'GET') throw new Error('The page prefetch only reads.');
    const target = new URL(url, ORIGIN);
    const handler = LOCAL_ROUTES[target.pathname];
    if (!handler) return errorResponse(404, `No page prefetch for ${target.pathname}.`, { code: 'not_found' });
    return handler(new Request(target, { headers: { accept: 'application/json' } }), caller);
  };
}

/** /inbox: the page of stuck runs the URL asks for. */
export async function loadInboxPageData(request: PageRequest, filters: InboxFilters): Promise<DehydratedState> {
  const client = getQueryClient();
  if (request.navigation === 'client') return dehydrate(client);
  try {
    const transport = localTransport(await pageCaller(request));
    await client.prefetchQuery(inboxQueryOptions(filters, transport));
  } catch (error) {
    log('warn', 'page_data.inbox_failed', { error });
  }
  return dehydrate(client);
}
