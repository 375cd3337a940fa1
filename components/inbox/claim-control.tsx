'use client';

import { claimHolder, useClaimRun, useReleaseClaim } from '@/lib/queries/claims';
import type { Claim } from '@/lib/queries/inbox';
import { useViewer } from '@/lib/queries/viewer';
import { can } from '@/lib/view/roles';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { RoleNote } from '@/components/layout/role-gate';

/** "Claimed by Olga · 4 min ago" (or "Unclaimed"). */
export function ClaimHolder({ claim }: { claim: Claim | null }) {
  if (!claim) return <span className="text-muted" data-testid="claim-holder" data-claimed="false">Unclaimed</span>;
  return (
    <span data-testid="claim-holder" data-claimed="true">
      <span className="font-medium">{claim.user_name}</span> <span className="text-muted">since</span> <RelativeTime value={claim.claimed_at} />
    </span>
  );
}

/**
 * "I'm on it" / "Release" for one run, with the holder and since when. Operators and up act; the holder or an admin
 * may release; a viewer is told who can. A 409 says who got there first.
 */
export function ClaimControl({ runId, threadId, claim, compact = false }: { runId: string; threadId: string; claim: Claim | null; compact?: boolean }) {
  const viewer = useViewer();
  const claimRun = useClaimRun();
  const release = useReleaseClaim();
  const mine = claim !== null && viewer !== null && claim.user_id === viewer.id;
  const mayRelease = claim !== null && (mine || can(viewer, 'admin'));
  const taken = claimHolder(claimRun.error);
  const error = release.error ?? (taken ? null : claimRun.error);

  return (
    <div className="flex flex-col gap-1" data-testid="claim-control">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {compact ? null : <ClaimHolder claim={claim} />}
        {!can(viewer, 'operate') ? null : claim === null ? (
          <Button
            size="sm"
            variant="primary"
            busy={claimRun.isPending}
            onClick={() => claimRun.mutate({ runId, threadId })}
            data-testid="claim-button"
            aria-label={compact ? `Claim run ${runId}` : undefined}
          >
            I’m on it
          </Button>
        ) : mayRelease ? (
          <Button size="sm" busy={release.isPending} onClick={() => release.mutate({ runId, threadId })} data-testid="release-button" aria-label={compact ? `Release run ${runId}` : undefined}>
            Release{mine ? '' : ` (${claim.user_name})`}
          </Button>
        ) : null}
      </div>
      {!can(viewer, 'operate') && !compact ? <RoleNote ability="operate" action="claim runs" /> : null}
      {taken ? (
        <p role="alert" className="text-xs text-danger" data-testid="claim-conflict">
          {taken.user_name} claimed this run <RelativeTime value={taken.claimed_at} />.
        </p>
      ) : error ? (
        <p role="alert" className="text-xs text-danger" data-testid="claim-error">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
