import { Badge, type Tone } from '@/components/ui/badge';

const STEP_TONE: Record<string, Tone> = {
  in_progress: 'info',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
  expired: 'danger',
};

/** Step status pill; unknown statuses render raw with a neutral tone. */
export function StepStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={STEP_TONE[status] ?? 'neutral'} className="shrink-0">
      {status.replace(/_/g, ' ')}
    </Badge>
  );
}

export const STEP_BAR_COLOR: Record<string, string> = {
  in_progress: 'bg-info',
  completed: 'bg-success',
  failed: 'bg-danger',
  cancelled: 'bg-muted',
  expired: 'bg-danger/70',
};
