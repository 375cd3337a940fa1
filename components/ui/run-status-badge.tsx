import { Badge, type Tone } from './badge';

// Kept here rather than imported from lib/contract so the kit has no dependency on the contract's exact exports;
// unknown statuses (newer servers, Azure) still render, with the raw value and a neutral tone.
const STATUS_LOOK: Record<string, { tone: Tone; label: string; active: boolean; hint: string }> = {
  queued: { tone: 'info', label: 'queued', active: true, hint: 'Waiting for the backend to pick the run up. The thread is locked.' },
  in_progress: { tone: 'info', label: 'in progress', active: true, hint: 'The model is working. The thread is locked.' },
  requires_action: { tone: 'warning', label: 'requires action', active: true, hint: 'Waiting for tool outputs. The thread is locked until they are submitted or the run expires.' },
  cancelling: { tone: 'warning', label: 'cancelling', active: true, hint: 'Cancel requested, not yet confirmed. The thread is locked.' },
  cancelled: { tone: 'neutral', label: 'cancelled', active: false, hint: 'Cancelled.' },
  failed: { tone: 'danger', label: 'failed', active: false, hint: 'Failed; see the error code.' },
  completed: { tone: 'success', label: 'completed', active: false, hint: 'Completed.' },
  incomplete: { tone: 'warning', label: 'incomplete', active: false, hint: 'Ended early: a token budget ran out.' },
  expired: { tone: 'danger', label: 'expired', active: false, hint: 'Expired before it finished (usually tool outputs not submitted in time).' },
};

export function runStatusLook(status: string) {
  return STATUS_LOOK[status] ?? { tone: 'neutral' as Tone, label: status || 'unknown', active: false, hint: `Status "${status}" is not one Runboard knows.` };
}

/** A run's status as a coloured pill; active statuses get a pulsing dot so a locked thread is visible at a glance. */
export function RunStatusBadge({ status, className }: { status: string; className?: string }) {
  const look = runStatusLook(status);
  return (
    <Badge tone={look.tone} title={look.hint} className={className}>
      <span aria-hidden className={`size-1.5 rounded-full bg-current ${look.active ? 'animate-pulse' : ''}`} />
      <span data-testid="run-status">{look.label}</span>
    </Badge>
  );
}
