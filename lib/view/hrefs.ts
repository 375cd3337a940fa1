// Links to a thread's and a run's page, ids encoded. On their own (not in thread-search.ts): every page links to runs,
// and none of them needs the search box's id parser for it.

export function threadHref(threadId: string): string {
  return `/threads/${encodeURIComponent(threadId)}`;
}

export function runHref(threadId: string, runId: string): string {
  return `/threads/${encodeURIComponent(threadId)}/runs/${encodeURIComponent(runId)}`;
}
