'use client';

import type { Run } from '@/lib/contract';
import { formatDuration } from '@/lib/view/format-duration';
import { describeUsage, formatTokens } from '@/lib/view/format-tokens';
import { isActiveStatus, runDuration, runErrorCode } from '@/lib/view/thread-run-row';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { useNow } from '@/components/ui/use-now';
import { toneText } from '@/components/ui/badge';
import { RunIdLink } from './run-id-link';

const th = 'px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-muted';
const td = 'px-3 py-2 align-top';

/** The runs of one page, newest first. Scrolls sideways on narrow screens; the status and id stay first. */
export function RunsTable({ threadId, runs, assistantNames }: { threadId: string; runs: readonly Run[]; assistantNames: Map<string, string> }) {
  const now = useNow();
  // Before hydration there is no clock: active runs show no age rather than a server-side guess.
  const nowSeconds = now === null ? null : Math.floor(now / 1000);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="runs-table">
        <caption className="sr-only">Runs of this thread, newest first</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Run</th>
            <th scope="col" className={th}>Assistant</th>
            <th scope="col" className={th}>Model</th>
            <th scope="col" className={th}>Created</th>
            <th scope="col" className={`${th} text-right`}>Duration</th>
            <th scope="col" className={`${th} text-right`}>Tokens</th>
            <th scope="col" className={th}>Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {runs.map((run) => {
            const duration = nowSeconds === null && isActiveStatus(run.status) ? { seconds: null, ongoing: true } : runDuration(run, nowSeconds ?? 0);
            const error = runErrorCode(run);
            const assistant = assistantNames.get(run.assistant_id);
            return (
              <tr key={run.id} className="hover:bg-surface-muted" data-testid="run-row" data-status={run.status}>
                <td className={td}>
                  <RunStatusBadge status={run.status} />
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <RunIdLink threadId={threadId} runId={run.id} />
                </td>
                <td className={`${td} max-w-48`}>
                  <span className="block truncate" title={run.assistant_id}>
                    {assistant ?? <span className="font-mono text-xs">{run.assistant_id}</span>}
                  </span>
                </td>
                <td className={`${td} font-mono text-xs whitespace-nowrap`}>{run.model ?? '—'}</td>
                <td className={td}>
                  <RelativeTime value={run.created_at} />
                </td>
                <td className={`${td} text-right whitespace-nowrap tabular-nums`} title={duration.ongoing ? 'Still active: age so far' : undefined}>
                  {duration.seconds === null ? '—' : `${formatDuration(duration.seconds)}${duration.ongoing ? ' so far' : ''}`}
                </td>
                <td className={`${td} text-right tabular-nums`} title={describeUsage(run.usage)}>
                  {formatTokens(run.usage?.total_tokens)}
                </td>
                <td className={`${td} font-mono text-xs`} title={error?.message ?? undefined}>
                  {error ? <span className={run.status === 'failed' || run.status === 'expired' ? toneText.danger : toneText.warning}>{error.code}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
