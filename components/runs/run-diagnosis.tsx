'use client';

import type { Run, RunStep } from '@/lib/contract';
import { diagnoseRun, type DiagnosisTone } from '@/lib/view/diagnosis';
import { spanFine } from '@/lib/view/diagnosis-format';
import { cn } from '@/components/ui/cn';
import { RunDeviations } from './run-deviations';
import { useSecondClock } from './use-second-clock';

// Tone is carried by the thick left border and the tinted background; text stays in the foreground colour so it
// keeps full contrast on every tint in both themes.
const toneClasses: Record<DiagnosisTone, string> = {
  neutral: 'border-border border-l-muted bg-surface-muted',
  info: 'border-info/40 border-l-info bg-info/5',
  success: 'border-success/40 border-l-success bg-success/5',
  warning: 'border-warning/50 border-l-warning bg-warning/5',
  danger: 'border-danger/50 border-l-danger bg-danger/5',
};

/**
 * The plain-language diagnosis with a live countdown. Re-evaluates every second (its own clock subscription) so
 * only this banner re-renders on the tick.
 */
export function RunDiagnosis({
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
  const clock = useSecondClock();
  const now = clock ?? run.created_at;
  const d = diagnoseRun(run, { now, steps, cancelRequestedAt, cancellingSeenAt, cancelRecorded });
  const left = d.countdownTo != null ? d.countdownTo - now : null;
  return (
    <div data-testid="run-diagnosis" data-tone={d.tone} className={cn('min-w-0 rounded-lg border border-l-4 p-3 wrap-anywhere sm:p-4', toneClasses[d.tone])}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="text-base font-semibold text-foreground" data-testid="run-diagnosis-headline">
          {clock === null ? <span className="text-muted">Checking the run…</span> : d.headline}
        </p>
        {left != null && clock !== null ? (
          <p
            className="shrink-0 rounded-md border border-border bg-surface px-2 py-1 font-mono text-sm tabular-nums"
            data-testid="run-countdown"
            title={left > 0 ? `Expires in ${spanFine(left)} (at expires_at the server expires the run)` : 'The deadline passed'}
          >
            {left > 0 ? (
              <>
                <span className="sr-only">Expires in </span>
                {formatClock(left)}
              </>
            ) : (
              'deadline passed'
            )}
          </p>
        ) : null}
      </div>
      {d.advice ? <p className="mt-1 text-sm text-foreground">{d.advice}</p> : null}
      <RunDeviations run={run} />
    </div>
  );
}

/** 160 → "2:40"; 3725 → "1:02:05". */
function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
