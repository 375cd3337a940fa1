'use client';

import { useQuery } from '@tanstack/react-query';
import { runClaimQueryOptions } from '@/lib/queries/claims';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/spinner';
import { NotesPanel } from '@/components/notes/notes-panel';
import { ClaimControl } from './claim-control';

/** The run page's "who is on it" card: the run's claim (claim / release) and the notes on this run. */
export function RunTeamPanel({ threadId, runId }: { threadId: string; runId: string }) {
  const claim = useQuery(runClaimQueryOptions(runId));
  return (
    <Card title="Claim and notes" id="run-team" testId="run-team">
      <div className="flex flex-col gap-4">
        {claim.isPending ? (
          <Skeleton className="h-8 w-48" />
        ) : claim.error ? (
          <p className="text-sm text-danger">Could not load the claim: {claim.error.message}</p>
        ) : (
          <ClaimControl runId={runId} threadId={threadId} claim={claim.data ?? null} />
        )}
        <NotesPanel threadId={threadId} runId={runId} />
      </div>
    </Card>
  );
}
