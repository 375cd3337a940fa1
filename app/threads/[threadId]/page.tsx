import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { parseThreadPageParams } from '@/lib/view/thread-page-params';
import { ThreadView } from '@/components/threads/thread-view';
import { requireViewer } from '@/lib/auth/viewer';

const ID = /^[A-Za-z0-9_-]{1,128}$/;

export async function generateMetadata({ params }: PageProps<'/threads/[threadId]'>): Promise<Metadata> {
  const { threadId } = await params;
  return { title: `Thread ${threadId}` };
}

// Thin: validates the id shape, parses the view state from the URL with the shared parser, and hands both to the
// client view, whose panels read through react-query (each with its own loading and error state).
export default async function ThreadPage({ params, searchParams }: PageProps<'/threads/[threadId]'>) {
  const { threadId } = await params;
  await requireViewer(`/threads/${threadId}`);
  if (!ID.test(threadId)) notFound();
  const view = parseThreadPageParams(await searchParams);
  return <ThreadView key={threadId} threadId={threadId} params={view} />;
}
