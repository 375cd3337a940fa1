import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ID_PATTERN } from '@/lib/contract';
import { currentPageRequest } from '@/lib/server/page-data/context';
import { HeldOrStreamed } from '@/lib/server/page-data/held';
import { loadRunPageData, otherThreadOfRun } from '@/lib/server/page-data/pages';
import { runHref } from '@/lib/view/hrefs';
import { FinalAnswerContent } from '@/components/runs/final-answer-content';
import { RunViewer } from '@/components/runs/run-viewer';
import { RunViewerSkeleton } from '@/components/runs/run-viewer-skeleton';
import { requireViewer } from '@/lib/auth/viewer';
import { shortId } from '@/lib/view/tab-title';

type Params = { threadId: string; runId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { runId } = await params;
  return { title: `Run ${shortId(runId)}` };
}

/**
 * Run viewer route. Thin: checks the ids' shape (anything else is a 404 without an upstream call), prefetches the run
 * and its steps into the first HTML (an ended run's final answer rendered on the server), and hands over to the client viewer, which owns the live queries from then on
 * (the run is polled until terminal, so the cache, not the server HTML, is the source of truth). A slow upstream gets
 * the skeleton first and the data streamed after it (HeldOrStreamed).
 */
export default async function RunPage({ params }: { params: Promise<Params> }) {
  const { threadId, runId } = await params;
  await requireViewer(`/threads/${threadId}/runs/${runId}`);
  if (!ID_PATTERN.test(threadId) || !ID_PATTERN.test(runId)) notFound();
  const request = await currentPageRequest();
  // Opened under the wrong thread (an edited URL, a ticket pasting two ids): Runboard knows where the run lives.
  const rightThread = await otherThreadOfRun(threadId, runId);
  if (rightThread) redirect(runHref(rightThread, runId));
  return (
    <HeldOrStreamed data={loadRunPageData(request, threadId, runId)} fallback={<RunViewerSkeleton />}>
      {({ finalAnswer }) => (
        <RunViewer
          threadId={threadId}
          runId={runId}
          finalAnswer={finalAnswer ? { messageId: finalAnswer.id, content: <FinalAnswerContent message={finalAnswer} /> } : null}
        />
      )}
    </HeldOrStreamed>
  );
}
