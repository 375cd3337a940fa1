'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SessionSummary } from '@/lib/contract/people';
import { profileSessionsQueryOptions, useRevokeSession, useSignOutEverywhere } from '@/lib/queries/profile';
import { describeUserAgent } from '@/lib/view/people';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/spinner';
import { ConfirmDialog } from './confirm-dialog';

/** Where this person is signed in: each session revocable; "sign out everywhere" ends them all, this one too. */
export function SessionsCard() {
  const sessions = useQuery(profileSessionsQueryOptions());
  const revoke = useRevokeSession();
  const everywhere = useSignOutEverywhere();
  const [confirmAll, setConfirmAll] = useState(false);

  return (
    <Card
      id="sessions"
      title="Sessions"
      actions={<Button size="sm" variant="secondary" onClick={() => setConfirmAll(true)}>Sign out everywhere</Button>}
    >
      {sessions.isPending ? (
        <SkeletonRows rows={2} label="sessions" />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} title="Sessions could not be loaded" onRetry={() => void sessions.refetch()} compact />
      ) : (
        <ul className="divide-y divide-border" data-testid="session-list">
          {sessions.data.data.map((session: SessionSummary) => (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="session-row">
              <div className="min-w-0 text-sm">
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {describeUserAgent(session.user_agent)}
                  {session.current ? <Badge tone="accent">This browser</Badge> : null}
                </p>
                <p className="text-xs text-muted">
                  {session.address ?? 'unknown address'} · signed in <RelativeTime value={session.created_at} /> · expires{' '}
                  <RelativeTime value={session.expires_at} />
                </p>
              </div>
              {session.current ? null : (
                <Button
                  size="sm"
                  busy={revoke.isPending && revoke.variables === session.id}
                  onClick={() => revoke.mutate(session.id)}
                  aria-label={`Sign out ${describeUserAgent(session.user_agent)} session`}
                >
                  Sign out
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoke.error ? <ErrorState error={revoke.error} title="The session was not ended" compact className="mt-2" /> : null}
      <ConfirmDialog
        open={confirmAll}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        testId="sign-out-everywhere-dialog"
        busy={everywhere.isPending}
        error={everywhere.error}
        onClose={() => setConfirmAll(false)}
        // A full page load: every cached query belonged to the session that just ended.
        onConfirm={() => everywhere.mutate(undefined, { onSuccess: () => window.location.assign('/sign-in') })}
      >
        <p>Every session ends, this one included. Your API tokens keep working; revoke them above if they may be exposed.</p>
      </ConfirmDialog>
    </Card>
  );
}
