'use client';

import { formatDuration } from '@/lib/view/format-duration';
import { phaseDwell, type RunPhase, type RunTimeline } from '@/lib/view/run-timeline';
import { Time } from '@/components/runs/time';
import { runStatusLook } from '@/components/ui/run-status-badge';

/** Phone layout of the phase table: one block per phase (a five-column table does not fit 390 px). */
export function RunPhaseList({
  timeline,
  shown,
  hidden,
  onShowAll,
  now,
}: {
  timeline: RunTimeline;
  /** The phases to list (the table's collapsed subset), with their index. */
  shown: ReadonlyArray<readonly [RunPhase, number]>;
  hidden: number;
  onShowAll: () => void;
  now: number;
}) {
  return (
    <ol className="mt-3 flex flex-col divide-y divide-border text-sm sm:hidden" aria-label="Phases of the run">
      {hidden > 0 ? (
        <li className="order-last py-2">
          <button type="button" onClick={onShowAll} className="text-xs text-accent hover:underline">
            Show all {timeline.phases.length} phases ({hidden} hidden)
          </button>
        </li>
      ) : null}
      {shown.map(([p, i]) => {
        const dwell = phaseDwell(p, now);
        const approx = p.startPrecision === 'estimate' || p.endPrecision === 'estimate';
        return (
          <li key={i} className="py-2">
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{runStatusLook(p.status).label}</span>
              <span className="tabular-nums">{dwell === null ? 'dwell unknown' : `${approx ? '≈ ' : ''}${formatDuration(dwell)}`}</span>
            </div>
            <p className="text-xs text-muted">
              {p.start === null ? 'start not reported' : <Time value={p.start} mode="absolute" />} →{' '}
              {p.ongoing ? 'now' : p.end === null ? 'end not reported' : <Time value={p.end} mode="absolute" />}
            </p>
          </li>
        );
      })}
      {timeline.terminal ? (
        <li className="py-2">
          <span className="font-medium">{runStatusLook(timeline.terminal.status).label}</span>{' '}
          <span className="text-xs text-muted">
            {timeline.terminal.at === null ? '(time not reported)' : <Time value={timeline.terminal.at} mode="absolute" />}
          </span>
        </li>
      ) : null}
    </ol>
  );
}
