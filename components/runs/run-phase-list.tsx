'use client';

import { formatDuration } from '@/lib/view/format-duration';
import { phaseDwell, type RunTimeline } from '@/lib/view/run-timeline';
import { RelativeTime } from '@/components/ui/relative-time';
import { runStatusLook } from '@/components/ui/run-status-badge';

/** Phone layout of the phase table: one block per phase (a five-column table does not fit 390 px). */
export function RunPhaseList({ timeline, now }: { timeline: RunTimeline; now: number }) {
  return (
    <ol className="mt-3 flex flex-col divide-y divide-border text-sm sm:hidden" aria-label="Phases of the run">
      {timeline.phases.map((p, i) => {
        const dwell = phaseDwell(p, now);
        const approx = p.startPrecision === 'estimate' || p.endPrecision === 'estimate';
        return (
          <li key={i} className="py-2">
            <div className="flex items-baseline justify-between gap-2">
              <span className="font-medium">{runStatusLook(p.status).label}</span>
              <span className="tabular-nums">{dwell === null ? 'dwell unknown' : `${approx ? '≈ ' : ''}${formatDuration(dwell)}`}</span>
            </div>
            <p className="text-xs text-muted">
              {p.start === null ? 'start not reported' : <RelativeTime value={p.start} mode="absolute" />} →{' '}
              {p.ongoing ? 'now' : p.end === null ? 'end not reported' : <RelativeTime value={p.end} mode="absolute" />}
            </p>
          </li>
        );
      })}
      {timeline.terminal ? (
        <li className="py-2">
          <span className="font-medium">{runStatusLook(timeline.terminal.status).label}</span>{' '}
          <span className="text-xs text-muted">
            {timeline.terminal.at === null ? '(time not reported)' : <RelativeTime value={timeline.terminal.at} mode="absolute" />}
          </span>
        </li>
      ) : null}
    </ol>
  );
}
