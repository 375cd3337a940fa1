'use client';

import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TokenSummary } from '@/lib/contract/people';
import { allTokensQueryOptions, useRevokeAnyToken } from '@/lib/queries/people';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { RevokeTokenDialog } from '@/components/profile/revoke-token-dialog';
import { TokenTable } from '@/components/profile/token-table';
import { PagePager } from './page-pager';

/** Everyone's personal API tokens (admins): who holds what, last use, revoke. */
export function AllTokensCard() {
  const [page, setPage] = useState(1);
  const tokens = useQuery({ ...allTokensQueryOptions(page), placeholderData: keepPreviousData });
  const revoke = useRevokeAnyToken();
  const [revoking, setRevoking] = useState<TokenSummary | null>(null);
  return (
    <Card id="all-tokens" title="Everyone's API tokens" bodyClassName="flex flex-col gap-3 p-4">
      {tokens.isPending ? (
        <SkeletonRows rows={3} label="tokens" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} title="Tokens could not be loaded" onRetry={() => void tokens.refetch()} compact />
      ) : tokens.data.total === 0 ? (
        <EmptyState title="Nobody has a token" description="People create their own on their profile page." />
      ) : (
        <>
          <TokenTable tokens={tokens.data.data} showOwner caption="Everyone's personal API tokens" onRevoke={setRevoking} revokingId={revoke.isPending ? (revoke.variables ?? null) : null} />
          <PagePager page={tokens.data.page} pageSize={tokens.data.page_size} total={tokens.data.total} onPage={setPage} noun="tokens" />
        </>
      )}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} revoke={revoke} showOwner note="The owner sees it disappear from their profile." />
    </Card>
  );
}
