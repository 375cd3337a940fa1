'use client';

import type { PersonSummary, RoleValue } from '@/lib/contract/people';
import { STATUS_LOOK } from '@/lib/view/people';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { RoleSelect } from './role-select';

const th = 'px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-muted';
const td = 'px-3 py-2 align-middle';

export type UserAction = { kind: 'deactivate' | 'reactivate' | 'revoke-sessions' | 'reissue'; user: PersonSummary };

/** One page of people with their role (editable), status and the actions an admin may take on each. */
export function UsersTable({
  users,
  selfId,
  onRole,
  onAction,
  pendingRoleFor,
}: {
  users: readonly PersonSummary[];
  selfId: string | null;
  onRole: (user: PersonSummary, role: RoleValue) => void;
  onAction: (action: UserAction) => void;
  pendingRoleFor: string | null;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="users-table">
        <caption className="sr-only">People who can sign in to Runboard</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className={th}>Person</th>
            <th scope="col" className={th}>Role</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Sessions</th>
            <th scope="col" className={th}>Added</th>
            <th scope="col" className={th}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {users.map((user) => {
            const self = user.id === selfId;
            const look = STATUS_LOOK[user.status];
            return (
              <tr key={user.id} data-testid="user-row" data-email={user.email} data-status={user.status}>
                <td className={`${td} max-w-64`}>
                  <span className="block truncate font-medium" title={user.name}>
                    {user.name}
                    {self ? <span className="ml-1 text-xs font-normal text-muted">(you)</span> : null}
                  </span>
                  <span className="block truncate text-xs text-muted" title={user.email}>{user.email}</span>
                </td>
                <td className={td}>
                  <RoleSelect
                    id={`role-${user.id}`}
                    label={`Role of ${user.email}`}
                    value={user.role}
                    // Admins cannot demote themselves: the last admin would lock everyone out of this page.
                    disabled={self || pendingRoleFor === user.id}
                    onChange={(role) => onRole(user, role)}
                  />
                </td>
                <td className={td}>
                  <span className="flex flex-wrap items-center gap-1">
                    <Badge tone={look.tone}>{look.label}</Badge>
                    {user.sso ? <Badge>SSO</Badge> : null}
                    {user.must_change_password ? <Badge tone="warning">Temporary password</Badge> : null}
                  </span>
                </td>
                <td className={`${td} tabular-nums`}>{user.active_sessions}</td>
                <td className={td}><RelativeTime value={user.created_at} /></td>
                <td className={`${td} text-right whitespace-nowrap`}>
                  <span className="inline-flex flex-wrap justify-end gap-1.5">
                    {user.status === 'invited' ? (
                      <Button size="sm" onClick={() => onAction({ kind: 'reissue', user })} aria-label={`New invite link for ${user.email}`}>
                        New link
                      </Button>
                    ) : null}
                    {user.active_sessions > 0 && !self ? (
                      <Button size="sm" onClick={() => onAction({ kind: 'revoke-sessions', user })} aria-label={`Sign out ${user.email} everywhere`}>
                        Sign out
                      </Button>
                    ) : null}
                    {self ? null : user.status === 'deactivated' ? (
                      <Button size="sm" onClick={() => onAction({ kind: 'reactivate', user })} aria-label={`Reactivate ${user.email}`}>
                        Reactivate
                      </Button>
                    ) : (
                      <Button size="sm" variant="danger" onClick={() => onAction({ kind: 'deactivate', user })} aria-label={`Deactivate ${user.email}`}>
                        Deactivate
                      </Button>
                    )}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
