'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { auditHistoryQueryOptions } from '@/lib/queries/audit';
import { actorLabel } from '@/lib/view/audit-sentence';
import { formatDuration } from '@/lib/view/format-duration';
import { useSecondClock } from './use-second-clock';

/**
 * Why the outputs form no longer takes outputs when this tab did not send them: another session answered first.
 * Runboard's audit log knows when and who if it went through Runboard; otherwise say that much, not a bare refusal.
 */
export function AnsweredElsewhere({ threadId, runId }: { threadId: string; runId: string }) {
  const history = useInfiniteQuery({ ...auditHistoryQueryOptions(threadId, runId), refetchOnMount: 'always' });
  const now = useSecondClock();
  if (history.isPending) return null;
  const entry = history.data?.pages.flatMap((p) => p.data).find((e) => e.action === 'run.submit_tool_outputs' && e.outcome === 'success');
  if (!entry) {
    return (
      <p className="mt-1 text-sm" data-testid="answered-elsewhere">
        The pending calls were answered elsewhere, not through Runboard (so Runboard cannot say who or when).
      </p>
    );
  }
  const ago = now === null ? null : Math.max(0, now - Math.floor(entry.at / 1000));
  return (
    <p className="mt-1 text-sm" data-testid="answered-elsewhere">
      Outputs were submitted {ago === null ? 'already' : `${formatDuration(ago)} ago`} from another session, by {actorLabel(entry.actor)}
      {entry.reason ? <> — “{entry.reason}”</> : null}. What you typed was not sent.
    </p>
  );
}
