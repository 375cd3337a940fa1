'use client';

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { RoleValue, TokenSummary } from '@/lib/contract/people';
import { profileTokensQueryOptions, useRevokeOwnToken } from '@/lib/queries/profile';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { CreateTokenDialog } from './create-token-dialog';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { TokenTable } from './token-table';

/** The person's own API tokens: list, create (shown once), revoke. */
export function TokensCard({ ownRole }: { ownRole: RoleValue }) {
  const tokens = useQuery(profileTokensQueryOptions());
  const revoke = useRevokeOwnToken();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);

  return (
    <Card
      id="tokens"
      title="Personal API tokens"
      actions={<Button size="sm" variant="primary" onClick={() => setCreating(true)}>New token</Button>}
      bodyClassName="p-0"
    >
      <p className="px-4 pt-3 text-sm text-muted">
        For scripts and the official <code className="font-mono">openai</code> SDK through <code className="font-mono">/api/v1</code>, as{' '}
        <code className="font-mono">Authorization: Bearer rb_…</code>.
      </p>
      <div className="p-4">
        {tokens.isPending ? (
          <SkeletonRows rows={2} label="tokens" />
        ) : tokens.isError ? (
          <ErrorState error={tokens.error} title="Tokens could not be loaded" onRetry={() => void tokens.refetch()} compact />
        ) : tokens.data.data.length === 0 ? (
          <EmptyState title="No tokens yet" description="Create one for each script, so you can revoke them one by one." testId="tokens-empty" />
        ) : (
          <TokenTable tokens={tokens.data.data} caption="Your personal API tokens" onRevoke={setRevoking} revokingId={revoke.isPending ? (revoke.variables ?? null) : null} />
        )}
      </div>
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} ownRole={ownRole} />
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} revoke={revoke} note="This cannot be undone." />
    </Card>
  );
}
