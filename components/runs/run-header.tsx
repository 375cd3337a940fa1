'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Run, RunStep } from '@/lib/contract';
import { assistantQueryOptions } from '@/lib/queries/run';
import { formatDuration, secondsBetween } from '@/lib/view/format-duration';
import { formatTokens } from '@/lib/view/format-tokens';
import { terminalMoment } from '@/lib/view/run-timeline';
import { CopyButton, CopyableId } from '@/components/ui/copy-button';
import { Time } from '@/components/runs/time';
import { isTerminal } from '@/lib/view/run-shapes';
import { RunDiagnosis } from './run-diagnosis';
import { useSecondClock } from './use-second-clock';

/** Facts of the run (thread, assistant, model, times, tokens) and the plain-language diagnosis. */
export function RunHeader({
  run,
  steps,
  cancelRequestedAt,
  cancellingSeenAt,
  cancelRecorded,
}: {
  run: Run;
  steps: readonly RunStep[] | null;
  cancelRequestedAt: number | null;
  cancellingSeenAt: number | null;
  cancelRecorded: { at: number; by: string | null } | null;
}) {
  const assistant = useQuery({ ...assistantQueryOptions(run.assistant_id), retry: false });
  const ended = isTerminal(run.status) ? terminalMoment(run, steps ?? []).at : null;
  const duration = secondsBetween(run.created_at, ended);
  return (
    <header className="flex flex-col gap-3" data-testid="run-header">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm sm:grid-cols-2 lg:grid-cols-3">
        <Fact label="Thread">
          <span className="inline-flex flex-wrap items-center gap-1">
            <Link prefetch={false} href={`/threads/${encodeURIComponent(run.thread_id)}`} className="font-mono text-xs text-accent underline-offset-2 hover:underline">
              {run.thread_id}
            </Link>
            <CopyButton value={run.thread_id} label="Copy thread id" />
          </span>
        </Fact>
        <Fact label="Assistant">
          <span className="inline-flex flex-wrap items-center gap-1">
            {assistant.data?.name ? <span className="font-medium">{assistant.data.name}</span> : null}
            <CopyableId value={run.assistant_id} label="Copy assistant id" />
          </span>
        </Fact>
        <Fact label="Model">{run.model ? <span className="font-mono text-xs">{run.model}</span> : <Muted>not reported</Muted>}</Fact>
        <Fact label="Created">
          <Time value={run.created_at} />
        </Fact>
        <Fact label={isTerminal(run.status) ? 'Took' : 'Age'}>
          {duration != null ? formatDuration(duration) : isTerminal(run.status) ? <Muted>end not reported</Muted> : <RunAge createdAt={run.created_at} />}
        </Fact>
        <Fact label="Tokens">
          {run.usage ? (
            <span title={`prompt ${formatTokens(run.usage.prompt_tokens)} · completion ${formatTokens(run.usage.completion_tokens)}`}>
              {formatTokens(run.usage.total_tokens)}
            </span>
          ) : (
            <Muted>{isTerminal(run.status) ? 'not reported' : 'counted when the run ends'}</Muted>
          )}
        </Fact>
      </dl>
      <RunDiagnosis run={run} steps={steps} cancelRequestedAt={cancelRequestedAt} cancellingSeenAt={cancellingSeenAt} cancelRecorded={cancelRecorded} />
    </header>
  );
}

/** A live duration since creation ("2 h 48 min"), not a second "2 h ago" beside Created. */
function RunAge({ createdAt }: { createdAt: number }) {
  const now = useSecondClock();
  if (now === null) return <Muted>…</Muted>;
  return (
    <span data-testid="run-age" className="tabular-nums">
      {formatDuration(now - createdAt)}
    </span>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-baseline gap-2">
      <dt className="w-20 shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-muted">{children}</span>;
}
