import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { HydrationBoundary } from '@tanstack/react-query';
import { currentPageRequest } from '@/lib/server/page-data/context';
import { loadThreadPageData } from '@/lib/server/page-data/pages';
import { parseThreadPageParams } from '@/lib/view/thread-page-params';
import { ThreadView } from '@/components/threads/thread-view';
import { requireViewer } from '@/lib/auth/viewer';
import { shortId } from '@/lib/view/tab-title';

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export async function generateMetadata({ params }: PageProps<'/threads/[threadId]'>): Promise<Metadata> {
  const { threadId } = await params;
  return { title: `Thread ${shortId(threadId)}` };
}

// Thin: validates the id shape, parses the view state from the URL with the shared parser, prefetches what the
// client view reads first (so the runs are in the first HTML) and hands over to the client view, whose panels stay
// live through react-query. loading.tsx is the Suspense fallback streamed while the upstream answers.
export default async function ThreadPage({ params, searchParams }: PageProps<'/threads/[threadId]'>) {
  const { threadId } = await params;
  await requireViewer(`/threads/${threadId}`);
  if (!ID.test(threadId)) notFound();
  const view = parseThreadPageParams(await searchParams);
  const state = await loadThreadPageData(await currentPageRequest(), threadId, view);
  return (
    <HydrationBoundary state={state}>
      <ThreadView key={threadId} threadId={threadId} params={view} />
    </HydrationBoundary>
  );
}
