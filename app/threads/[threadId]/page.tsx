import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ID_PATTERN } from '@/lib/contract/kinds';
import { currentPageRequest } from '@/lib/server/page-data/context';
import { HeldOrStreamed } from '@/lib/server/page-data/held';
import { loadThreadPageData } from '@/lib/server/page-data/pages';
import { parseThreadPageParams } from '@/lib/view/thread-page-params';
import { ThreadView } from '@/components/threads/thread-view';
import { ThreadViewSkeleton } from '@/components/threads/thread-view-skeleton';
import { requireViewer } from '@/lib/auth/viewer';
import { shortId } from '@/lib/view/tab-title';

export async function generateMetadata({ params }: PageProps<'/threads/[threadId]'>): Promise<Metadata> {
  const { threadId } = await params;
  return { title: `Thread ${shortId(threadId)}` };
}

// Thin: validates the id shape, parses the view state from the URL with the shared parser, prefetches what the
// client view reads first (so the runs are in the first HTML) and hands over to the client view, whose panels stay
// live through react-query. A slow upstream gets the skeleton first and the data streamed after it (HeldOrStreamed).
export default async function ThreadPage({ params, searchParams }: PageProps<'/threads/[threadId]'>) {
  const { threadId } = await params;
  await requireViewer(`/threads/${threadId}`);
  if (!ID_PATTERN.test(threadId)) notFound();
  const view = parseThreadPageParams(await searchParams);
  return (
    <HeldOrStreamed data={loadThreadPageData(await currentPageRequest(), threadId, view)} fallback={<ThreadViewSkeleton />}>
      {() => <ThreadView key={threadId} threadId={threadId} params={view} />}
    </HeldOrStreamed>
  );
}
