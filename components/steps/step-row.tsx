'use client';

import { lazy, memo, Suspense } from 'react';
import type { RunStep } from '@/lib/contract';
import { formatDuration } from '@/lib/view/format-duration';
import { formatTokensCompact } from '@/lib/view/format-tokens';
import { stepEndedAt } from '@/lib/view/run-shapes';
import { stepLabel } from '@/lib/view/step-timeline';
import { cn } from '@/components/ui/cn';
import { StepStatusBadge } from './step-status';

// A step's details (tool views, message content, raw JSON) load when a step is first opened: most steps never are.
const StepDetails = lazy(() => import('./step-details').then((m) => ({ default: m.StepDetails })));

/**
 * One step: a full-width toggle button (aria-expanded/aria-controls) with the summary, and the details below when
 * open. Memoised: react-query's structural sharing keeps unchanged steps referentially equal across polls, so a
 * refetch re-renders only the steps that changed.
 */
export const StepRow = memo(function StepRow({
  step,
  index,
  runStart,
  open,
  onToggle,
  threadId,
}: {
  step: RunStep;
  index: number;
  runStart: number;
  open: boolean;
  onToggle: (id: string) => void;
  threadId: string;
}) {
  const ended = stepEndedAt(step);
  const buttonId = `step-btn-${step.id}`;
  const panelId = `step-panel-${step.id}`;
  return (
    <div className={cn('border-b border-border last:border-b-0', open && 'bg-surface-muted/50')} data-testid="step-row" data-step-id={step.id} data-status={step.status}>
      <button
        type="button"
        id={buttonId}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onToggle(step.id)}
        className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-left text-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent"
      >
        <span aria-hidden className={cn('inline-block text-muted transition-transform', open && 'rotate-90')}>▸</span>
        <span className="w-8 shrink-0 text-xs text-muted tabular-nums">#{index + 1}</span>
        <span className="min-w-[9rem] flex-1 truncate font-medium">{stepLabel(step)}</span>
        <StepStatusBadge status={step.status} />
        <span className="hidden w-24 text-xs text-muted tabular-nums sm:inline" title="Start, relative to the run's creation">
          +{formatDuration(step.created_at - runStart)}
        </span>
        <span className="w-20 text-xs tabular-nums" title="Duration">
          {ended != null ? formatDuration(ended - step.created_at) : step.status === 'in_progress' ? 'running' : '—'}
        </span>
        <span className="hidden w-16 text-right text-xs text-muted tabular-nums sm:inline" title="Total tokens">
          {step.usage?.total_tokens != null ? `${formatTokensCompact(step.usage.total_tokens)} tok` : ''}
        </span>
      </button>
      {open ? (
        <section id={panelId} aria-labelledby={buttonId} className="px-3 pt-1 pb-4 sm:pl-14" data-testid="step-details">
          <Suspense fallback={<p className="text-xs text-muted">Loading the step's details…</p>}>
            <StepDetails step={step} threadId={threadId} />
          </Suspense>
        </section>
      ) : null}
    </div>
  );
});
