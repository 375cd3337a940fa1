import 'server-only';
import { dehydrate, type DehydratedState, type QueryClient } from '@tanstack/react-query';
import type { Message } from '@/lib/contract';
import { assistantsQueryOptions } from '@/lib/queries/assistants';
import { auditHistoryQueryOptions } from '@/lib/queries/audit';
import { capabilitiesQueryOptions } from '@/lib/queries/capabilities-query';
import { runClaimQueryOptions, threadClaimsQueryOptions } from '@/lib/queries/claims';
import { connectionQueryOptions } from '@/lib/queries/connection';
import { inboxCountQueryOptions } from '@/lib/queries/inbox';
import type { ApiTransport } from '@/lib/queries/fetcher';
import { finalAnswerQueryOptions, messagesQueryOptions } from '@/lib/queries/messages';
import { notesQueryOptions } from '@/lib/queries/notes';
import { getQueryClient } from '@/lib/queries/query-client';
import { recentThreadsQueryOptions } from '@/lib/queries/recent-threads';
import { assistantQueryOptions, runQueryOptions } from '@/lib/queries/run';
import { runStepsQueryOptions } from '@/lib/queries/run-steps';
import { latestRunQueryOptions, runListQueryOptions } from '@/lib/queries/runs-list';
import { threadIndexQueryOptions } from '@/lib/queries/thread-index';
import { threadQueryOptions } from '@/lib/queries/threads';
import { finalAnswerOf } from '@/lib/view/final-answer';
import { isTerminal } from '@/lib/view/run-shapes';
import { MESSAGE_PAGE_SIZE, type ThreadPageParams } from '@/lib/view/thread-page-params';
import { getDefaultConnection } from '../connection';
import { log } from '../log';
import { pageCaller, type PageRequest } from './context';
import { pageTransport } from './transport';

// One loader per page: each prefetches, on a fresh per-request QueryClient, the queries its client view reads first,
// built with the same queryOptions the browser uses (same keys, same parsing), and returns the dehydrated cache for
// the page's <HydrationBoundary>. Only successful answers are handed over: a 404 or an outage leaves the query to the
// browser, which then shows the page's usual not-found or error state and recovers as before.

/** How long a page waits for the upstream before handing over what it has (the browser fetches the rest). */
export const PAGE_DATA_BUDGET_MS = 4_000;

type Load = (client: QueryClient, transport: ApiTransport) => Promise<unknown>;

/** A fresh per-request QueryClient with `load` run into it (nothing loaded on an in-app navigation or without a connection). */
async function loadPageClient(request: PageRequest, load: Load): Promise<QueryClient> {
  const client = getQueryClient();
  if (request.navigation === 'client') return client;
  let connection;
  try {
    connection = await getDefaultConnection();
  } catch (error) {
    log('warn', 'page_data.no_connection', { error });
    return client;
  }
  const budget = AbortSignal.timeout(PAGE_DATA_BUDGET_MS);
  const transport = pageTransport({ connection, caller: await pageCaller(request), requestHeaders: request.headers, signal: budget, timeoutMs: Math.min(connection.timeoutMs, PAGE_DATA_BUDGET_MS) });
  await load(client, transport);
  return client;
}

async function withPageClient(request: PageRequest, load: Load): Promise<DehydratedState> {
  return dehydrate(await loadPageClient(request, load));
}

/** What a held page hands over: the cache for its HydrationBoundary (and what the page renders on the server). */
export type PageData = { state: DehydratedState };
/** The run page also renders an ended run's final answer on the server. */
export type RunPageData = PageData & { finalAnswer: Message | null };

/**
 * Thread page: the thread, its newest run (lock banner), the runs page the URL asks for, messages, assistant names,
 * what the upstream can do, the thread's history, claims, notes and index entry (so the browser asks for nothing when
 * it starts).
 */
export async function loadThreadPageData(request: PageRequest, threadId: string, view: ThreadPageParams): Promise<PageData> {
  const state = await withPageClient(request, (client, transport) =>
    Promise.all([
      client.prefetchQuery(threadQueryOptions(threadId, transport)),
      client.prefetchQuery(latestRunQueryOptions(threadId, transport)),
      // A filter that names no status is refused on the page: nothing to prefetch (and nothing to scan).
      view.statusProblem ? null : client.prefetchQuery(runListQueryOptions(threadId, view, transport)),
      client.prefetchQuery(messagesQueryOptions(threadId, { limit: MESSAGE_PAGE_SIZE, after: view.mafter, before: view.mbefore }, { transport })),
      client.prefetchQuery(assistantsQueryOptions(transport)),
      client.prefetchQuery(capabilitiesQueryOptions(transport)),
      client.prefetchInfiniteQuery(auditHistoryQueryOptions(threadId, undefined, undefined, transport)),
      client.prefetchQuery(threadClaimsQueryOptions(threadId, transport)),
      client.prefetchQuery(notesQueryOptions(threadId, undefined, transport)),
      // The watch button's "do I watch this thread" comes from the index.
      client.prefetchQuery(threadIndexQueryOptions({ q: threadId, limit: 1 }, transport)),
    ]),
  );
  return { state };
}

/**
 * Run page: the run and all its steps (side by side), then the assistant that ran it and, once it ended, its final
 * answer; capabilities, history, its claim and notes (so the browser asks for nothing when it starts).
 */
export async function loadRunPageData(request: PageRequest, threadId: string, runId: string): Promise<RunPageData> {
  const loaded = await loadPageClient(request, async (client, transport) => {
    const run = client
      .fetchQuery(runQueryOptions(threadId, runId, transport))
      .then((r) =>
        Promise.all([
          client.prefetchQuery(assistantQueryOptions(r.assistant_id, transport)),
          // An ended run shows its final answer (RunFinalAnswer asks for the same page of messages).
          isTerminal(r.status) ? client.prefetchQuery(finalAnswerQueryOptions(r, transport)) : null,
        ]),
      )
      .catch(() => undefined);
    await Promise.all([
      run,
      client.prefetchQuery(runStepsQueryOptions(threadId, runId, transport)),
      client.prefetchQuery(capabilitiesQueryOptions(transport)),
      client.prefetchInfiniteQuery(auditHistoryQueryOptions(threadId, runId, undefined, transport)),
      client.prefetchQuery(runClaimQueryOptions(runId, transport)),
      client.prefetchQuery(notesQueryOptions(threadId, runId, transport)),
    ]);
  });
  // Only what was fetched is rendered: a final answer the server could not read is left to the browser.
  const run = loaded.getQueryData(runQueryOptions(threadId, runId).queryKey);
  const ended = run && isTerminal(run.status) ? run : null;
  const messages = ended ? loaded.getQueryData(finalAnswerQueryOptions(ended).queryKey) : undefined;
  return { state: dehydrate(loaded), finalAnswer: ended ? (finalAnswerOf(ended.status, messages?.data) ?? null) : null };
}

/** The thread Runboard has seen the run on, when the URL names another one (the run page redirects there). */
export { otherThreadOfRun } from '../runs-seen';

/** Every page's header: the connection and its live check (the layout streams it in its own Suspense boundary). */
export function loadConnectionData(request: PageRequest): Promise<DehydratedState> {
  return withPageClient(request, (client, transport) => client.prefetchQuery(connectionQueryOptions(transport)));
}

/** Every page's header: the inbox count, shown until the tab's inbox stream says hello (its own boundary too). */
export function loadInboxCountData(request: PageRequest): Promise<DehydratedState> {
  return withPageClient(request, (client, transport) => client.prefetchQuery(inboxCountQueryOptions(transport)));
}

/** Home: the recent threads list. */
export function loadHomePageData(request: PageRequest): Promise<DehydratedState> {
  return withPageClient(request, (client, transport) => client.prefetchQuery(recentThreadsQueryOptions(undefined, transport)));
}
