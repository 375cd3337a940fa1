import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HydrationBoundary } from '@tanstack/react-query';
import { ID_PATTERN } from '@/lib/contract';
import { currentPageRequest } from '@/lib/server/page-data/context';
import { loadRunPageData } from '@/lib/server/page-data/pages';
import { RunViewer } from '@/components/runs/run-viewer';
import { requireViewer } from '@/lib/auth/viewer';
import { shortId } from '@/lib/view/tab-title';

type Params = { threadId: string; runId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { runId } = await params;
  return { title: `Run ${shortId(runId)}` };
}

/**
 * Run viewer route. Thin: checks the ids' shape (anything else is a 404 without an upstream call), prefetches the run
 * and its steps into the first HTML, and hands over to the client viewer, which owns the live queries from then on
 * (the run is polled until terminal, so the cache, not the server HTML, is the source of truth). loading.tsx is the
 * Suspense fallback streamed while the upstream answers.
 */
export default async function RunPage({ params }: { params: Promise<Params> }) {
  const { threadId, runId } = await params;
  await requireViewer(`/threads/${threadId}/runs/${runId}`);
  if (!ID_PATTERN.test(threadId) || !ID_PATTERN.test(runId)) notFound();
  const state = await loadRunPageData(await currentPageRequest(), threadId, runId);
  return (
    <HydrationBoundary state={state}>
      <RunViewer threadId={threadId} runId={runId} />
    </HydrationBoundary>
  );
}
