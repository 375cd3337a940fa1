'use client';

import { useQuery } from '@tanstack/react-query';
import { connectionQueryOptions } from '@/lib/queries/connection';
import { useRunboardReachability } from '@/lib/queries/use-reachability';
import { errorFacts } from '@/components/ui/error-state';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { RelativeTime } from '@/components/ui/relative-time';
import { toneText } from '@/components/ui/badge';
import { ConnectionCapabilities } from './connection-capabilities';

/**
 * The home page's connection banner, in plain words: which upstream, in which mode, healthy or not and why.
 * The key itself never reaches the browser; the masked form (…abcd) identifies which key is configured.
 */
export function ConnectionBanner() {
  const query = useQuery(connectionQueryOptions());
  const { data, error, isPending, refetch, isFetching } = query;
  const reach = useRunboardReachability();
  if (!reach.reachable) {
    return (
      <Shell
        tone="danger"
        title="Runboard's server is not answering"
        body={
          <>
            Since <RelativeTime value={Math.floor(reach.sinceMs / 1000)} />, requests to Runboard get no answer, so nothing on this page is current
            {data ? <> (the upstream check below is from before)</> : null}. Runboard tries again every 5 seconds; this clears by itself.
          </>
        }
      />
    );
  }
  if (isPending) return <ConnectionBannerPending />;
  if (error || !data) {
    const facts = errorFacts(error);
    return (
      <Shell tone="danger" title="Runboard cannot describe its connection" body={`${facts.message}${facts.status ? ` (HTTP ${facts.status})` : ''}`}>
        <Button size="sm" onClick={() => refetch()} busy={isFetching}>
          Check again
        </Button>
      </Shell>
    );
  }
  const { connection, check } = data;
  const healthy = check.status === 'ok';
  const where = connection.mode === 'emulator' ? `the built-in Assistants emulator at ${connection.host}` : `${connection.host}`;
  const checkedAt = check.checkedAt ? Math.floor(Date.parse(check.checkedAt) / 1000) : null;
  return (
    <Shell
      tone={healthy ? 'success' : 'danger'}
      title={healthy ? `Connected to ${connection.name}` : `${connection.name} is not healthy`}
      body={
        <>
          Runboard talks to {where}
          {connection.maskedKey ? <> with the key ending {connection.maskedKey}</> : null}. {check.message}
          {checkedAt ? (
            <span className="text-muted">
              {' '}
              Checked <RelativeTime value={checkedAt} />
              {typeof check.latencyMs === 'number' ? ` in ${check.latencyMs} ms` : ''}.
            </span>
          ) : null}
          {!healthy ? <span className="text-muted"> Runboard re-checks every 10 seconds.</span> : null}
        </>
      }
      extra={healthy ? <ConnectionCapabilities /> : null}
    >
      {!healthy ? (
        <Button size="sm" onClick={() => refetch()} busy={isFetching}>
          Check again
        </Button>
      ) : null}
    </Shell>
  );
}

/** The banner before the check has answered; reads no query, so it can stand in as a Suspense fallback. */
export function ConnectionBannerPending() {
  return <Shell tone="muted" title="Checking the connection…" body="Asking the upstream whether it answers." />;
}

function Shell({ tone, title, body, extra, children }: { tone: 'success' | 'danger' | 'muted'; title: string; body: React.ReactNode; extra?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <section
      aria-label="Connection"
      data-testid="connection-banner"
      data-state={tone}
      className={cn(
        'flex flex-wrap items-start justify-between gap-3 rounded-lg border p-4 text-sm',
        tone === 'success' && 'border-success/40 bg-success/5',
        tone === 'danger' && 'border-danger/40 bg-danger/5',
        tone === 'muted' && 'border-border bg-surface',
      )}
    >
      <div className="min-w-0">
        <p className={cn('font-semibold', tone === 'success' && toneText.success, tone === 'danger' && toneText.danger)}>{title}</p>
        <p className="mt-1 break-words">{body}</p>
        {extra}
      </div>
      {children}
    </section>
  );
}
