'use client';

import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { RequiredActionToolCall } from '@/lib/contract';
import { isEndpointNotSupported } from '@/lib/queries/api-error';
import { auditHistoryQueryOptions } from '@/lib/queries/audit';
import { useCapabilities, useLearnFromError } from '@/lib/queries/capabilities';
import { assistantQueryOptions, runQueryOptions } from '@/lib/queries/run';
import { useCancelRequestedAt } from '@/lib/queries/run-mutations';
import { runStepsQueryOptions } from '@/lib/queries/run-steps';
import { actorLabel } from '@/lib/view/audit-sentence';
import { serverNowMs } from '@/lib/queries/server-clock';
import { runPollInterval } from '@/lib/view/run-poll';
import { isTerminal } from '@/lib/view/run-shapes';
import { terminalMoment } from '@/lib/view/run-timeline';
import { runTabTitle } from '@/lib/view/tab-title';
import { PageHeader } from '@/components/layout/page-header';
import { CopyableId } from '@/components/ui/copy-button';
import { ErrorState } from '@/components/ui/error-state';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { SkeletonRows } from '@/components/ui/spinner';
import { useDocumentTitle } from '@/components/ui/use-document-title';
import { useHydrated } from '@/components/ui/use-hydrated';
import { StepsPanel } from '@/components/steps/steps-panel';
import { RoleGate } from '@/components/layout/role-gate';
import { StepsUnavailable } from '@/components/steps/steps-unavailable';
import { ActivityHistory } from './activity-history';
import { CancelRun } from './cancel-run';
import { LastUpdated } from './last-updated';
import { RunConfig } from './run-config';
import { RunHeader } from './run-header';
import { RunMetadata } from './run-metadata';
import { RunAgainButton, useRunAgain } from './run-again';
import { RunFinalAnswer, type RenderedFinalAnswer } from './run-final-answer';
import { RunTeamPanel } from '@/components/inbox/run-team-panel';
import { RunRawJson } from './run-raw-json';
import { RunStatusTimeline } from './run-status-timeline';
import { RunViewerSkeleton } from './run-viewer-skeleton';

// Only a run waiting on tool outputs shows the form: its code loads then, not with every run page.
// Shown on demand: the run-again panel when asked for, the not-found page only for a run the server does not have.
const RunAgainPanel = dynamic(() => import('./run-again-panel').then((m) => m.RunAgainPanel), { loading: () => <SkeletonRows rows={4} label="run again" /> });
const RunNotFound = dynamic(() => import('./run-not-found').then((m) => m.RunNotFound));
const ToolOutputsForm = dynamic(() => import('./tool-outputs-form').then((m) => m.ToolOutputsForm), {
  loading: () => <SkeletonRows rows={3} label="tool outputs form" />,
});

/**
 * The run page (client root). Owns the two live queries (run + all steps, polled adaptively until terminal) and
 * the little state the API does not keep: when this browser first saw the run cancelling, and the last set of
 * pending tool calls (so the outputs form stays, disabled with a reason, once the run moves on).
 */
export function RunViewer({ threadId, runId, finalAnswer }: { threadId: string; runId: string; /** Rendered on the server for a run that had ended. */ finalAnswer?: RenderedFinalAnswer | null }) {
  const queryClient = useQueryClient();
  const hydrated = useHydrated();
  const runQ = useQuery(runQueryOptions(threadId, runId));
  const run = runQ.data;
  const interval = runPollInterval(run, { nowSeconds: serverNowMs() / 1000 });
  // A server without run steps is never asked for them (the capability probe asked once), nor polled after a 404.
  const caps = useCapabilities();
  const stepsQ = useQuery({
    ...runStepsQueryOptions(threadId, runId),
    enabled: run !== undefined && caps.ready && caps.listSteps !== 'unsupported',
    refetchInterval: (query) => (isEndpointNotSupported(query.state.error) ? false : interval),
  });
  const stepsUnavailable = caps.listSteps === 'unsupported' || isEndpointNotSupported(stepsQ.error);
  useLearnFromError(stepsQ.error);
  const cancelRequestedAt = useCancelRequestedAt(threadId, runId);
  // The same query the History card shows: a cancel recorded by Runboard is the exact moment it was requested.
  const history = useInfiniteQuery(auditHistoryQueryOptions(threadId, runId));
  const cancelEntry = history.data?.pages.flatMap((p) => p.data).find((e) => e.action === 'run.cancel' && e.outcome === 'success');
  const cancelRecorded = cancelEntry ? { at: Math.floor(cancelEntry.at / 1000), by: actorLabel(cancelEntry.actor) } : null;
  // Same query as the header's assistant line (shared cache): the tab says whose run this is.
  const assistant = useQuery({ ...assistantQueryOptions(run?.assistant_id ?? ''), enabled: Boolean(run?.assistant_id), retry: false });
  useDocumentTitle(run ? runTabTitle(run, { assistantName: assistant.data?.name }) : null);

  const cancellingSeen = useRef<number | null>(null);
  if (run?.status === 'cancelling' && cancellingSeen.current === null) cancellingSeen.current = Math.floor(serverNowMs() / 1000);

  const runAgain = useRunAgain();
  const [formCalls, setFormCalls] = useState<readonly RequiredActionToolCall[] | null>(null);
  const pending = run?.status === 'requires_action' ? (run.required_action?.submit_tool_outputs.tool_calls ?? null) : null;
  const pendingKey = pending?.map((c) => c.id).join(',') ?? '';
  useEffect(() => {
    if (pending && pending.length > 0) setFormCalls(pending);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the call ids, not the array identity
  }, [pendingKey]);

  // A status change usually means new or finished steps: re-read them now rather than at the next tick.
  const lastStatus = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!run) return;
    if (lastStatus.current !== undefined && lastStatus.current !== run.status) {
      void queryClient.invalidateQueries({ queryKey: runStepsQueryOptions(threadId, runId).queryKey });
    }
    lastStatus.current = run.status;
  }, [run, queryClient, threadId, runId]);

  const crumbs = [
    { label: 'Runboard', href: '/' },
    { label: threadId, href: `/threads/${encodeURIComponent(threadId)}` },
    { label: runId },
  ];

  if (runQ.isPending) return <RunViewerSkeleton crumbs={crumbs} />;
  if (runQ.error && !run) {
    if ((runQ.error as { status?: number }).status === 404) return <RunNotFound threadId={threadId} runId={runId} error={runQ.error} crumbs={crumbs} />;
    return (
      <>
        <PageHeader crumbs={crumbs} title="Run" />
        <ErrorState error={runQ.error} title="Could not load the run" onRetry={() => runQ.refetch()} retrying={runQ.isFetching} />
      </>
    );
  }
  if (!run) return null;

  const steps = stepsQ.data?.steps ?? null;
  const runEnd = isTerminal(run.status) ? terminalMoment(run, steps ?? []).at : null;
  return (
    <div className="flex flex-col gap-5" data-testid="run-viewer" data-run-status={run.status}>
      <PageHeader
        crumbs={crumbs}
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            Run <RunStatusBadge status={run.status} />
          </span>
        }
        subtitle={<CopyableId value={run.id} label="Copy run id" className="text-sm" />}
        actions={
          <>
            <LastUpdated
              updatedAtMs={runQ.dataUpdatedAt}
              intervalMs={interval}
              // While hydrating, the server's answer may already count as stale: show what the server HTML showed.
              fetching={hydrated && runQ.isFetching}
              error={runQ.error}
              onRefresh={() => {
                void runQ.refetch();
                if (!stepsUnavailable) void stepsQ.refetch();
              }}
            />
            <CancelRun run={run} />
            <RunAgainButton run={run} open={runAgain.open} onToggle={runAgain.toggle} />
          </>
        }
      />
      <RunHeader run={run} steps={steps} cancelRequestedAt={cancelRequestedAt} cancellingSeenAt={cancellingSeen.current} cancelRecorded={cancelRecorded} />
      {runAgain.open ? <RunAgainPanel run={run} /> : null}
      <RunFinalAnswer run={run} rendered={finalAnswer} />
      {formCalls ? (
        <RoleGate ability="operate" action="submit tool outputs">
          <ToolOutputsForm key={formCalls.map((c) => c.id).join(',')} run={run} calls={formCalls} />
        </RoleGate>
      ) : null}
      <RunStatusTimeline run={run} steps={steps} cancelRequestedAt={cancelRequestedAt} />
      {stepsUnavailable ? (
        <StepsUnavailable host={caps.data?.connection.host ?? null} />
      ) : stepsQ.error && !steps ? (
        <ErrorState error={stepsQ.error} title="Could not load the steps" onRetry={() => stepsQ.refetch()} retrying={stepsQ.isFetching} />
      ) : steps ? (
        <StepsPanel steps={steps} threadId={threadId} runStart={run.created_at} runEnd={runEnd} truncated={stepsQ.data?.truncated ?? false} runActive={!isTerminal(run.status)} />
      ) : (
        <RunViewerSkeleton.Steps />
      )}
      {/* Full width: sixteen pairs of 64-character keys and 512-character values need the room, read or edited. */}
      <RunMetadata run={run} />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <RunConfig run={run} />
        <div className="flex min-w-0 flex-col gap-5">
          <RunTeamPanel threadId={threadId} runId={runId} />
          <ActivityHistory threadId={threadId} runId={runId} />
        </div>
      </div>
      <RunRawJson run={run} steps={steps} />
    </div>
  );
}
