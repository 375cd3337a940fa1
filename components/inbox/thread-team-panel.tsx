'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { threadClaimsQueryOptions } from '@/lib/queries/claims';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/spinner';
import { NotesPanel } from '@/components/notes/notes-panel';
import { ClaimControl } from './claim-control';

/** The thread page's team card: who is on which of its runs, and the notes on the thread and its runs. */
export function ThreadTeamPanel({ threadId }: { threadId: string }) {
  const claims = useQuery(threadClaimsQueryOptions(threadId));
  return (
    <Card title="Claims and notes" id="thread-team" testId="thread-team">
      <div className="flex flex-col gap-4">
        {claims.isPending ? (
          <Skeleton className="h-8 w-48" />
        ) : claims.error ? (
          <p className="text-sm text-danger">Could not load the claims: {claims.error.message}</p>
        ) : claims.data.length === 0 ? (
          <p className="text-sm text-muted" data-testid="thread-claims-none">
            Nobody has claimed a run of this thread.
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Claimed runs" data-testid="thread-claims">
            {claims.data.map((claim) => (
              <li key={claim.run_id} className="flex flex-col gap-1 text-sm">
                <Link href={`/threads/${threadId}/runs/${claim.run_id}`} className="font-mono text-xs text-accent hover:underline">
                  {claim.run_id}
                </Link>
                <ClaimControl runId={claim.run_id} threadId={threadId} claim={claim} />
              </li>
            ))}
          </ul>
        )}
        <NotesPanel threadId={threadId} />
      </div>
    </Card>
  );
}
