'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ID_PATTERN } from '@/lib/contract/kinds';
import { runsSeenQueryOptions } from '@/lib/queries/runs-seen';
import { formatUtc } from '@/lib/view/format-time';
import { runHref } from '@/lib/view/hrefs';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Input } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunStatusBadge } from '@/components/ui/run-status-badge';
import { SkeletonRows } from '@/components/ui/spinner';
import { RunIdLink } from './run-id-link';

const th = 'px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-muted';
const td = 'px-3 py-2 align-top';

/**
 * What the runs card shows when the upstream cannot list runs: said once, in plain words, with no Retry (asking
 * again cannot help), then the runs Runboard has seen on this thread from its own record, and a box to open any
 * run by id.
 */
export function RunsSeenList({ threadId, host }: { threadId: string; host: string | null }) {
  const seen = useQuery(runsSeenQueryOptions(threadId));
  const rows = seen.data?.data ?? [];
  return (
    <div data-testid="runs-seen">
      <p className="border-b border-border px-4 py-3 text-sm" data-testid="runs-unsupported-note">
        <span className="font-medium">{host ?? 'This server'} cannot list runs</span>, so this is not the thread&apos;s full list: these are the runs
        Runboard has seen on this thread (created, opened or looked up through it), with the status they had when last seen.
      </p>
      {seen.isPending ? (
        <SkeletonRows rows={3} label="runs seen" className="p-4" />
      ) : seen.error ? (
        <ErrorState error={seen.error} title="Runboard could not read its own record" compact className="m-4" />
      ) : rows.length === 0 ? (
        <EmptyState className="m-4" title="Runboard has not seen any run on this thread yet" description="Open a run by its id below; it is remembered from then on." />
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm" data-testid="runs-seen-table">
            <caption className="sr-only">Runs Runboard has seen on this thread, newest first (Runboard&apos;s record, not the server&apos;s list)</caption>
            <thead className="border-b border-border bg-surface-muted">
              <tr>
                <th scope="col" className={th}>Last known status</th>
                <th scope="col" className={th}>Run</th>
                <th scope="col" className={th}>Created</th>
                <th scope="col" className={th}>Status seen</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {rows.map((run) => (
                <tr key={run.id} data-testid="run-seen-row" data-status={run.last_status ?? ''}>
                  <td className={td}>{run.last_status ? <RunStatusBadge status={run.last_status} /> : <span className="text-muted">unknown</span>}</td>
                  <td className={`${td} whitespace-nowrap`}>
                    <RunIdLink threadId={threadId} runId={run.id} />
                  </td>
                  <td className={td}>
                    <RelativeTime value={run.created_at} />
                  </td>
                  <td className={td}>
                    <RelativeTime value={run.seen_at} />
                    <span className="block text-xs text-muted">{formatUtc(run.seen_at)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OpenRunById threadId={threadId} />
    </div>
  );
}

function OpenRunById({ threadId }: { threadId: string }) {
  const router = useRouter();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const id = value.trim();
    if (!ID_PATTERN.test(id)) {
      setProblem('A run id is 1-128 characters of letters, digits, _ and -.');
      return;
    }
    router.push(runHref(threadId, id));
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2 border-t border-border px-4 py-3" noValidate>
      <label htmlFor="open-run-id" className="text-sm font-medium">
        Open a run of this thread by id
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="open-run-id"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="run_…"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'open-run-error' : undefined}
        />
        <Button type="submit" className="sm:w-28">
          Open run
        </Button>
      </div>
      {problem ? (
        <p id="open-run-error" role="alert" className="text-sm font-medium text-danger">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
