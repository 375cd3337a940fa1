'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { connectionQueryOptions } from '@/lib/queries/connection';
import { errorFacts } from '@/components/ui/error-state';
import { buttonClasses } from '@/components/ui/button';

/** 404 for a thread, naming the connection: threads are project-scoped, so "not found" often means "wrong upstream/key". */
export function ThreadNotFound({ threadId, error }: { threadId: string; error?: unknown }) {
  const { data } = useQuery(connectionQueryOptions());
  const facts = error ? errorFacts(error) : null;
  const where = data ? `${data.connection.name} (${data.connection.host})` : 'the current connection';
  return (
    <div role="alert" data-testid="thread-not-found" className="rounded-lg border border-border bg-surface p-6 wrap-anywhere">
      <h1 className="text-xl font-semibold">Thread not found on {where}</h1>
      <p className="mt-2 text-sm">
        <span className="font-mono break-all">{threadId}</span> does not exist there. Threads belong to one project and one upstream: check the id,
        and that Runboard is connected where the thread was created.
      </p>
      {facts ? (
        <p className="mt-2 text-xs text-muted">
          Upstream said: “{facts.message}”{facts.status ? ` (HTTP ${facts.status})` : ''}
          {facts.requestId ? <> · request id <span className="font-mono">{facts.requestId}</span></> : null}
        </p>
      ) : null}
      <Link prefetch={false} href="/" className={buttonClasses('secondary', 'md', 'mt-4')}>
        Back to search
      </Link>
    </div>
  );
}
