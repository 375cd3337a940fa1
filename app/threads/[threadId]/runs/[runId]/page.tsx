import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ID_PATTERN } from '@/lib/contract';
import { RunViewer } from '@/components/runs/run-viewer';
import { requireViewer } from '@/lib/auth/viewer';

type Params = { threadId: string; runId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { runId } = await params;
  return { title: `Run ${runId}` };
}

/**
 * Run viewer route. Thin: checks the ids' shape (anything else is a 404 without an upstream call) and hands over to
 * the client viewer, which owns the live queries (the run is polled until terminal, so the cache, not the server
 * HTML, is the source of truth).
 */
export default async function RunPage({ params }: { params: Promise<Params> }) {
  const { threadId, runId } = await params;
  await requireViewer(`/threads/${threadId}/runs/${runId}`);
  if (!ID_PATTERN.test(threadId) || !ID_PATTERN.test(runId)) notFound();
  return <RunViewer threadId={threadId} runId={runId} />;
}
