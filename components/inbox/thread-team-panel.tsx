'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { threadClaimsQueryOptions } from '@/lib/queries/claims';
import { runHref } from '@/lib/view/hrefs';
import { ClaimControl } from './claim-control';
import { TeamCard } from './team-card';

/** The thread page's team card: who is on which of its runs, and the notes on the thread and its runs. */
export function ThreadTeamPanel({ threadId }: { threadId: string }) {
  const claims = useQuery(threadClaimsQueryOptions(threadId));
  return (
    <TeamCard title="Claims and notes" id="thread-team" query={claims} noun="the claims" threadId={threadId}>
      {(data) =>
        data.length === 0 ? (
          <p className="text-sm text-muted" data-testid="thread-claims-none">
            Nobody has claimed a run of this thread.
          </p>
        ) : (
          <ul className="flex flex-col gap-2" aria-label="Claimed runs" data-testid="thread-claims">
            {data.map((claim) => (
              <li key={claim.run_id} className="flex flex-col gap-1 text-sm">
                <Link href={runHref(threadId, claim.run_id)} className="font-mono text-xs text-accent hover:underline">
                  {claim.run_id}
                </Link>
                <ClaimControl runId={claim.run_id} threadId={threadId} claim={claim} />
              </li>
            ))}
          </ul>
        )
      }
    </TeamCard>
  );
}
