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

const th = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-muted sm:px-3';
const td = 'px-2 py-2 align-top sm:px-3';
// On phones the table keeps what triage needs (status, run, age, error) in two columns; the rest from `md` up.
const wide = 'hidden md:table-cell';

/** The runs of one page, newest first. Status and id stay first; on phones age and error fold into them. */
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
            <th scope="col" className={`${th} ${wide}`}>Assistant</th>
            <th scope="col" className={`${th} ${wide}`}>Model</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>Created</th>
            <th scope="col" className={`${th} ${wide} text-right`}>Duration</th>
            <th scope="col" className={`${th} ${wide} text-right`}>Tokens</th>
            <th scope="col" className={`${th} hidden sm:table-cell`}>Error</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {runs.map((run) => {
            const duration = nowSeconds === null && isActiveStatus(run.status) ? { seconds: null, ongoing: true } : runDuration(run, nowSeconds ?? 0);
            const error = runErrorCode(run);
            const assistant = assistantNames.get(run.assistant_id);
            const errorText = error ? (
              <span className={`wrap-anywhere ${run.status === 'failed' || run.status === 'expired' ? toneText.danger : toneText.warning}`}>{error.code}</span>
            ) : null;
            return (
              <tr key={run.id} className="hover:bg-surface-muted" data-testid="run-row" data-status={run.status}>
                <td className={td}>
                  <RunStatusBadge status={run.status} />
                  {errorText ? <div className="mt-1 font-mono text-xs sm:hidden" data-testid="run-row-error-narrow" title={error?.message ?? undefined}>{errorText}</div> : null}
                </td>
                <td className={`${td} min-w-0`}>
                  <span className="inline-flex max-w-full items-center break-all">
                    <RunIdLink threadId={threadId} runId={run.id} />
                  </span>
                  <div className="text-xs text-muted sm:hidden" data-testid="run-row-age-narrow">
                    <RelativeTime value={run.created_at} />
                  </div>
                </td>
                <td className={`${td} ${wide} max-w-48`}>
                  <span className="block truncate" title={run.assistant_id}>
                    {assistant ?? <span className="font-mono text-xs">{run.assistant_id}</span>}
                  </span>
                </td>
                <td className={`${td} ${wide} max-w-48 font-mono text-xs wrap-anywhere`}>{run.model ?? '—'}</td>
                <td className={`${td} hidden sm:table-cell`}>
                  <RelativeTime value={run.created_at} />
                </td>
                <td className={`${td} ${wide} text-right whitespace-nowrap tabular-nums`} title={duration.ongoing ? 'Still active: age so far' : undefined}>
                  {duration.seconds === null ? '—' : `${formatDuration(duration.seconds)}${duration.ongoing ? ' so far' : ''}`}
                </td>
                <td className={`${td} ${wide} text-right tabular-nums`} title={describeUsage(run.usage)}>
                  {formatTokens(run.usage?.total_tokens)}
                </td>
                <td className={`${td} hidden max-w-56 font-mono text-xs sm:table-cell`} title={error?.message ?? undefined}>
                  {errorText}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
