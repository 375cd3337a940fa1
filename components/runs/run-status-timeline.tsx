'use client';

import { Fragment, memo, useState } from 'react';
import type { Run, RunStep } from '@/lib/contract';
import { formatDuration } from '@/lib/view/format-duration';
import { buildRunTimeline, phaseDwell, type Precision, type RunPhase } from '@/lib/view/run-timeline';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { Time } from '@/components/runs/time';
import { runStatusLook } from '@/components/ui/run-status-badge';
import { RunPhaseList } from './run-phase-list';
import { useSecondClock } from './use-second-clock';

const PHASE_COLOR: Record<string, string> = {
  queued: 'bg-info/45',
  in_progress: 'bg-accent',
  requires_action: 'bg-warning',
  cancelling: 'bg-danger/60',
};
const TERMINAL_COLOR: Record<string, string> = {
  completed: 'bg-success',
  failed: 'bg-danger',
  expired: 'bg-danger',
  cancelled: 'bg-muted',
  incomplete: 'bg-warning',
};

const MAX_ROWS = 14;

type Segment = { statuses: string[]; start: number; end: number | null; uncertain: boolean };

/** Phases with an unknown boundary between them are drawn as one hatched segment ("in_progress → cancelling"). */
function toSegments(phases: RunPhase[], spanStart: number, now: number): Segment[] {
  const segments: Segment[] = [];
  for (const p of phases) {
    const end = p.ongoing ? now : p.end;
    const prev = segments.at(-1);
    if (p.start === null && prev) {
      prev.statuses.push(p.status);
      prev.end = end;
      prev.uncertain = true;
      continue;
    }
    segments.push({ statuses: [p.status], start: p.start ?? spanStart, end, uncertain: p.endPrecision === 'unknown' && !p.ongoing });
  }
  segments.forEach((s, i) => {
    if (s.end === null) s.end = segments[i + 1]?.start ?? null;
  });
  return segments;
}

export function RunStatusTimeline({ run, steps, cancelRequestedAt }: { run: Run; steps: readonly RunStep[] | null; cancelRequestedAt: number | null }) {
  const clock = useSecondClock();
  const now = clock ?? run.created_at;
  const t = buildRunTimeline(run, { now, steps, cancelRequestedAt });
  const spanEnd = Math.max(t.spanEnd, t.spanStart + 1);
  const total = spanEnd - t.spanStart;
  const segments = toSegments(t.phases, t.spanStart, now);
  // Runs with many tool rounds have hundreds of phases: keep the table short unless asked.
  const [showAll, setShowAll] = useState(false);
  const collapsed = !showAll && t.phases.length > MAX_ROWS;
  const shown = collapsed ? [...t.phases.slice(0, 4).map((p, i) => [p, i] as const), ...t.phases.slice(-6).map((p, i) => [p, t.phases.length - 6 + i] as const)] : t.phases.map((p, i) => [p, i] as const);
  return (
    <Card title="Status timeline" id="run-status-timeline" testId="run-status-timeline">
      <div className="relative h-7 w-full overflow-hidden rounded-md border border-border bg-surface-muted" aria-hidden>
        {segments.map((s, i) => {
          const end = s.end ?? spanEnd;
          const left = ((s.start - t.spanStart) / total) * 100;
          const width = Math.max(0.6, ((end - s.start) / total) * 100);
          return (
            <div
              key={i}
              title={`${s.statuses.join(' → ')}${s.uncertain ? ' (a boundary is estimated or not reported)' : ''}`}
              className={cn('absolute inset-y-0 border-r border-background/60', PHASE_COLOR[s.statuses[0] ?? ''] ?? 'bg-muted/50')}
              style={{
                left: `${left}%`,
                width: `${Math.min(width, 100 - left)}%`,
                backgroundImage: s.uncertain ? 'repeating-linear-gradient(135deg, transparent 0 6px, rgb(255 255 255 / 0.35) 6px 10px)' : undefined,
              }}
            />
          );
        })}
        {t.terminal ? (
          <div className={cn('absolute inset-y-0 right-0 w-1.5', TERMINAL_COLOR[t.terminal.status] ?? 'bg-muted')} title={t.terminal.status} />
        ) : null}
      </div>
      <Legend segments={segments} terminal={t.terminal?.status ?? null} />
      <RunPhaseList timeline={t} shown={shown} hidden={collapsed ? t.phases.length - shown.length : 0} onShowAll={() => setShowAll(true)} now={now} />
      <div className="mt-3 hidden overflow-x-auto sm:block">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="run-phase-table">
          <caption className="sr-only">Phases of the run with start, end and dwell time</caption>
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Phase</th>
              <th scope="col" className="py-1 pr-3 font-medium">Start</th>
              <th scope="col" className="py-1 pr-3 font-medium">End</th>
              <th scope="col" className="py-1 pr-3 font-medium">Dwell</th>
              <th scope="col" className="py-1 font-medium">How we know</th>
            </tr>
          </thead>
          <tbody>
            <tr className="border-t border-border">
              <td className="py-1.5 pr-3">created</td>
              <td className="py-1.5 pr-3"><Moment at={run.created_at} precision="exact" /></td>
              <td className="py-1.5 pr-3 text-muted">—</td>
              <td className="py-1.5 pr-3 text-muted">—</td>
              <td className="py-1.5 text-xs text-muted">created_at</td>
            </tr>
            {shown.map(([p, i], k) => (
              <Fragment key={i}>
              {collapsed && k === 4 ? (
                <tr className="border-t border-border">
                  <td colSpan={5} className="py-1.5">
                    <button type="button" aria-expanded={false} onClick={() => setShowAll(true)} className="text-xs text-accent hover:underline" data-testid="show-all-phases">
                      Show all {t.phases.length} phases ({t.phases.length - 10} hidden)
                    </button>
                  </td>
                </tr>
              ) : null}
              <tr className="border-t border-border" data-testid="run-phase-row" data-status={p.status}>
                <td className="py-1.5 pr-3 whitespace-nowrap">
                  <span aria-hidden className={cn('mr-1.5 inline-block size-2.5 rounded-sm', PHASE_COLOR[p.status] ?? 'bg-muted')} />
                  {runStatusLook(p.status).label}
                </td>
                <td className="py-1.5 pr-3"><Moment at={p.start} precision={p.startPrecision} /></td>
                <td className="py-1.5 pr-3">{p.ongoing ? <span className="font-medium">now (ongoing)</span> : <Moment at={p.end} precision={p.endPrecision} />}</td>
                <td className="py-1.5 pr-3 tabular-nums">{dwellText(p, now)}</td>
                <td className="py-1.5 text-xs text-muted">{p.note ?? (p.startPrecision === 'exact' ? 'reported timestamps' : '')}</td>
              </tr>
              </Fragment>
            ))}
            {t.terminal ? (
              <tr className="border-t border-border" data-testid="run-phase-terminal">
                <td className="py-1.5 pr-3 font-medium whitespace-nowrap">
                  <span aria-hidden className={cn('mr-1.5 inline-block size-2.5 rounded-full', TERMINAL_COLOR[t.terminal.status] ?? 'bg-muted')} />
                  {runStatusLook(t.terminal.status).label}
                </td>
                <td className="py-1.5 pr-3"><Moment at={t.terminal.at} precision={t.terminal.precision} /></td>
                <td className="py-1.5 pr-3 text-muted">—</td>
                <td className="py-1.5 pr-3 text-muted">final</td>
                <td className="py-1.5 text-xs text-muted">{t.terminal.note ?? 'reported timestamp'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

function dwellText(p: RunPhase, now: number): string {
  const d = phaseDwell(p, now);
  if (d === null) return 'unknown';
  const approx = p.startPrecision === 'estimate' || p.endPrecision === 'estimate';
  return `${approx ? '≈ ' : ''}${formatDuration(d)}`;
}

/**
 * Memoised: the table re-renders every second (ongoing dwell), but a timestamp cell only when its value changes —
 * formatting absolute times with zone names is expensive.
 */
const Moment = memo(function Moment({ at, precision }: { at: number | null; precision: Precision }) {
  if (at === null || precision === 'unknown') return <span className="text-muted">not reported</span>;
  return (
    <span className="inline-flex items-baseline gap-1">
      {precision === 'estimate' ? <span title="estimated">≈</span> : null}
      <Time value={at} mode="absolute" />
    </span>
  );
});

/** Only what this run's bar shows: its phases in order of first appearance, its end, and the hatch if drawn. */
function Legend({ segments, terminal }: { segments: readonly Segment[]; terminal: string | null }) {
  const statuses = [...new Set(segments.flatMap((s) => s.statuses))];
  const items: Array<[string, string, string]> = statuses.map((status) => [status, runStatusLook(status).label, PHASE_COLOR[status] ?? 'bg-muted/50']);
  if (terminal) items.push([terminal, runStatusLook(terminal).label, TERMINAL_COLOR[terminal] ?? 'bg-muted']);
  const hatched = segments.some((s) => s.uncertain);
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label="Timeline legend" data-testid="timeline-legend">
      {items.map(([status, label, color]) => (
        <li key={status} className="inline-flex items-center gap-1.5">
          <span aria-hidden className={cn('inline-block size-2.5', status === terminal ? 'rounded-full' : 'rounded-sm', color)} />
          {label}
        </li>
      ))}
      {hatched ? (
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2.5 w-4 rounded-sm bg-muted/60" style={{ backgroundImage: 'repeating-linear-gradient(135deg, transparent 0 3px, rgb(255 255 255 / 0.6) 3px 5px)' }} />
          boundary not reported
        </li>
      ) : null}
    </ul>
  );
}
