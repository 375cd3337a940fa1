'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RunStep } from '@/lib/contract';
import { matchesStepFilter, NO_STEP_FILTER, type StepFilter } from '@/lib/view/step-filter';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { useSecondClock } from '@/components/runs/use-second-clock';
import { StepGantt } from './step-gantt';
import { StepFilterBar } from './step-filter-bar';
import { StepList, type StepListHandle } from './step-list';

/** From this many steps on, the panel offers a filter by type and status. */
const FILTER_FROM = 10;

/**
 * Steps card: Gantt chart + expandable list. The open step is mirrored in the URL (`?step=step_…`) so a link
 * shared in chat opens the same step.
 */
export function StepsPanel({
  steps,
  threadId,
  runStart,
  runEnd,
  truncated,
  runActive,
}: {
  steps: readonly RunStep[];
  threadId: string;
  runStart: number;
  runEnd: number | null;
  truncated: boolean;
  runActive: boolean;
}) {
  // A shared link (?step=…) opens that step; read once when the steps first render. From the router's search params,
  // so the server HTML (steps are prefetched) and the hydrating browser agree.
  const wanted = useSearchParams().get('step');
  const [expanded, setExpanded] = useState<Set<string>>(() => (wanted && steps.some((s) => s.id === wanted) ? new Set([wanted]) : new Set()));
  const listRef = useRef<StepListHandle>(null);
  const running = steps.some((s) => s.status === 'in_progress');
  const clock = useSecondClock();
  // The chart only needs to move while a step runs; otherwise freeze "now" so the memoised chart does not re-render.
  const chartNow = running ? (clock ?? runStart) : (runEnd ?? steps.at(-1)?.created_at ?? runStart);

  const initialStep = useRef(expanded.size === 1 ? [...expanded][0] : undefined);
  useEffect(() => {
    const id = initialStep.current;
    if (!id) return;
    initialStep.current = undefined;
    requestAnimationFrame(() => listRef.current?.scrollToStep(id));
  }, []);

  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      const opening = !next.has(id);
      if (opening) next.add(id);
      else next.delete(id);
      const url = new URL(window.location.href);
      if (opening) url.searchParams.set('step', id);
      else if (url.searchParams.get('step') === id) url.searchParams.delete('step');
      window.history.replaceState(window.history.state, '', url);
      return next;
    });
  }, []);

  const select = useCallback(
    (id: string) => {
      setExpanded((prev) => (prev.has(id) ? prev : new Set(prev).add(id)));
      const url = new URL(window.location.href);
      url.searchParams.set('step', id);
      window.history.replaceState(window.history.state, '', url);
      requestAnimationFrame(() => listRef.current?.scrollToStep(id));
    },
    [],
  );

  const [filter, setFilter] = useState<StepFilter>(NO_STEP_FILTER);
  const filtering = steps.length >= FILTER_FROM && (filter.kind !== '' || filter.status !== '');
  // Numbers stay the run's own ("#37"), whatever is filtered out.
  const numberOf = useMemo(() => new Map(steps.map((s, i) => [s.id, i])), [steps]);
  const shown = useMemo(() => (filtering ? steps.filter((s) => matchesStepFilter(s, filter)) : steps), [filtering, steps, filter]);

  const allOpen = steps.length > 0 && expanded.size === steps.length;
  return (
    <Card
      title={`Steps (${steps.length}${truncated ? '+' : ''})`}
      id="run-steps"
      testId="run-steps"
      actions={
        steps.length > 0 && steps.length <= 50 ? (
          <button
            type="button"
            className="text-xs text-accent hover:underline"
            onClick={() => setExpanded(allOpen ? new Set() : new Set(steps.map((s) => s.id)))}
          >
            {allOpen ? 'Collapse all' : 'Expand all'}
          </button>
        ) : null
      }
    >
      {steps.length === 0 ? (
        runActive ? (
          <EmptyState title="No steps yet" description="The run has not produced any steps. They appear here as the backend works." testId="steps-empty" />
        ) : (
          <EmptyState title="This run produced no steps" description="It ended before the model did any work (see the diagnosis above)." testId="steps-empty" />
        )
      ) : (
        <div className="flex flex-col gap-4">
          {steps.length >= FILTER_FROM ? <StepFilterBar steps={steps} filter={filter} onChange={setFilter} shown={shown.length} /> : null}
          {shown.length === 0 ? (
            <EmptyState title="No step matches the filter" description="Change the type or status above to see steps." testId="steps-filtered-empty" />
          ) : (
            <>
              <StepGantt steps={shown} now={chartNow} spanStart={runStart} spanEnd={runEnd ?? undefined} onSelect={select} numberOf={numberOf} />
              {truncated ? <p className="text-sm text-warning">Showing the first {steps.length} steps; the run has more.</p> : null}
              <StepList ref={listRef} steps={shown} threadId={threadId} runStart={runStart} expanded={expanded} onToggle={toggle} numberOf={numberOf} />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
