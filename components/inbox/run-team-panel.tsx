'use client';

import { useQuery } from '@tanstack/react-query';
import { runClaimQueryOptions } from '@/lib/queries/claims';
import { ClaimControl } from './claim-control';
import { TeamCard } from './team-card';

/** The run page's "who is on it" card: the run's claim (claim / release) and the notes on this run. */
export function RunTeamPanel({ threadId, runId }: { threadId: string; runId: string }) {
  const claim = useQuery(runClaimQueryOptions(runId));
  return (
    <TeamCard title="Claim and notes" id="run-team" query={claim} noun="the claim" threadId={threadId} runId={runId}>
      {(data) => <ClaimControl runId={runId} threadId={threadId} claim={data ?? null} />}
    </TeamCard>
  );
}
