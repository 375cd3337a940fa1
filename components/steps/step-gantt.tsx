'use client';

import { memo } from 'react';
import type { RunStep } from '@/lib/contract';
import { formatDuration } from '@/lib/view/format-duration';
import { buildStepGantt } from '@/lib/view/step-timeline';
import { cn } from '@/components/ui/cn';
import { STEP_BAR_COLOR } from './step-status';

/**
 * Gantt chart of the steps on the run's time axis. Hidden from assistive tech (a one-line summary is read instead):
 * the step list below carries the same facts accessibly. Clicking a bar opens that step in the list.
 */
export const StepGantt = memo(function StepGantt({
  steps,
  now,
  spanStart,
  spanEnd,
  onSelect,
  numberOf,
}: {
  steps: readonly RunStep[];
  /** Each step's place in the whole run (0-based) when `steps` is a filtered part of it. */
  numberOf?: ReadonlyMap<string, number>;
  now: number;
  spanStart: number;
  spanEnd?: number;
  onSelect: (stepId: string) => void;
}) {
  const g = buildStepGantt(steps, { now, spanStart, spanEnd });
  const n = g.bars.length;
  // Up to a hundred rows keep a readable label each (a 52-step run included); beyond, bars shrink to fit.
  const labelled = n <= 100;
  const rowH = labelled ? 20 : Math.max(2, Math.min(8, Math.floor(480 / Math.max(n, 1))));
  const number = (id: string, i: number) => (numberOf?.get(id) ?? i) + 1;
  const total = g.spanEnd - g.spanStart;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div data-testid="step-gantt" className="flex flex-col gap-1">
      <p className="sr-only">
        Chart of {n} steps over {formatDuration(total)}; the list below has the same steps.
      </p>
      <div className="flex" aria-hidden>
        {labelled ? <div className="hidden w-56 shrink-0 sm:block" /> : null}
        <div className="relative h-4 flex-1 text-[10px] text-muted">
          {ticks.map((f) => (
            <span
              key={f}
              className={cn('absolute -translate-x-1/2 whitespace-nowrap tabular-nums first:translate-x-0 last:-translate-x-full', (f === 0.25 || f === 0.75) && 'hidden md:inline')}
              style={{ left: `${f * 100}%` }}
            >
              +{formatDuration(Math.round(f * total))}
            </span>
          ))}
        </div>
      </div>
      <div className="flex">
        {labelled ? (
          <div className="hidden w-56 shrink-0 pr-2 sm:block" aria-hidden>
            {g.bars.map((b, i) => (
              <div key={b.id} data-testid="step-gantt-label" className="flex gap-1.5 text-xs leading-[20px]" style={{ height: rowH }} title={`${number(b.id, i)}. ${b.label} · ${b.status}`}>
                <span className="w-6 shrink-0 text-right text-muted tabular-nums">{number(b.id, i)}</span>
                <span className="truncate text-foreground">{b.label}</span>
              </div>
            ))}
          </div>
        ) : null}
        {/* Mouse shortcut only (one delegated handler); keyboard users open steps from the list below. */}
        {/* oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions -- decorative chart, the list is the accessible path */}
        <div
          aria-hidden
          // Its bars skip style and layout while the chart is off screen (its height is set, so nothing moves when it shows).
          className="relative flex-1 rounded border border-border bg-surface-muted [content-visibility:auto]"
          style={{ height: n * rowH + 2 }}
          onClick={(e) => {
            const id = (e.target as HTMLElement).dataset.stepId;
            if (id) onSelect(id);
          }}
        >
          {ticks.slice(1, -1).map((f) => (
            <div key={f} className="absolute inset-y-0 w-px bg-border" style={{ left: `${f * 100}%` }} />
          ))}
          {g.bars.map((b, i) => (
            <div
              key={b.id}
              data-step-id={b.id}
              title={`${number(b.id, i)}. ${b.label} · ${b.status} · ${formatDuration(b.duration)}`}
              className={cn('absolute cursor-pointer rounded-sm hover:opacity-80', STEP_BAR_COLOR[b.status] ?? 'bg-muted')}
              style={{ top: 1 + i * rowH + (labelled ? 3 : 0), height: labelled ? rowH - 6 : Math.max(1, rowH - 1), left: `${b.left * 100}%`, width: `${b.width * 100}%` }}
            />
          ))}
        </div>
      </div>
    </div>
  );
});
