'use client';

import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PersonSummary, RoleValue } from '@/lib/contract/people';
import { peoplePageQueryOptions, useSetRole } from '@/lib/queries/people';
import { profileQueryOptions } from '@/lib/queries/profile';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { AllTokensCard } from './all-tokens-card';
import { InviteDialog } from './invite-dialog';
import { PagePager } from './page-pager';
import { UserActionDialog } from './user-action-dialog';
import { UsersTable, type UserAction } from './users-table';

/** /admin/users: people (invite, role, deactivate, sign out) and everyone's API tokens. */
export function UsersView() {
  const [page, setPage] = useState(1);
  const users = useQuery({ ...peoplePageQueryOptions(page), placeholderData: keepPreviousData });
  const me = useQuery(profileQueryOptions());
  const setRole = useSetRole();
  const [inviting, setInviting] = useState(false);
  const [action, setAction] = useState<UserAction | null>(null);

  const changeRole = (user: PersonSummary, role: RoleValue) => setRole.mutate({ id: user.id, role });

  return (
    <div className="flex flex-col gap-6">
      <Card
        id="people"
        title="People"
        actions={<Button size="sm" variant="primary" onClick={() => setInviting(true)}>Invite a person</Button>}
        bodyClassName="flex flex-col gap-3 p-4"
      >
        {setRole.error ? <ErrorState error={setRole.error} title="The role was not changed" compact /> : null}
        {setRole.isSuccess ? (
          <output className="block text-sm text-success" data-testid="role-saved">
            {setRole.data.email} is now {setRole.data.role}.
          </output>
        ) : null}
        {users.isPending ? (
          <SkeletonRows rows={4} label="people" />
        ) : users.isError ? (
          <ErrorState error={users.error} title="People could not be loaded" onRetry={() => void users.refetch()} />
        ) : (
          <>
            <UsersTable
              users={users.data.data}
              selfId={me.data?.id ?? null}
              onRole={changeRole}
              onAction={setAction}
              pendingRoleFor={setRole.isPending ? (setRole.variables?.id ?? null) : null}
            />
            <PagePager page={users.data.page} pageSize={users.data.page_size} total={users.data.total} onPage={setPage} noun="people" />
          </>
        )}
      </Card>
      <AllTokensCard />
      <InviteDialog open={inviting} onClose={() => setInviting(false)} />
      <UserActionDialog action={action} onClose={() => setAction(null)} />
    </div>
  );
}
