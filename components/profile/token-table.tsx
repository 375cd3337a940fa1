'use client';

import type { TokenSummary } from '@/lib/contract/people';
import { maskedToken, ROLE_LABELS } from '@/lib/view/people';
import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';

const th = 'px-3 py-2 text-left text-xs font-medium whitespace-nowrap text-muted';
const td = 'px-3 py-2 align-middle';

/**
 * Personal API tokens: name, role, last four characters, last use and expiry, each revocable. With `showOwner` it is
 * the admin's view of everyone's tokens.
 */
export function TokenTable({
  tokens,
  showOwner = false,
  onRevoke,
  revokingId,
  caption,
}: {
  tokens: readonly TokenSummary[];
  showOwner?: boolean;
  onRevoke: (token: TokenSummary) => void;
  revokingId: string | null;
  caption: string;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm" data-testid="token-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className={th}>Name</th>
            {showOwner ? <th scope="col" className={th}>Owner</th> : null}
            <th scope="col" className={th}>Role</th>
            <th scope="col" className={th}>Token</th>
            <th scope="col" className={th}>Last used</th>
            <th scope="col" className={th}>Expires</th>
            <th scope="col" className={th}><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {tokens.map((token) => (
            <tr key={token.id} data-testid="token-row" data-token-name={token.name}>
              <td className={`${td} max-w-56 font-medium`}>
                <span className="block truncate" title={token.name}>{token.name}</span>
              </td>
              {showOwner ? (
                <td className={`${td} max-w-56`}>
                  <span className="block truncate" title={token.owner.email}>{token.owner.name}</span>
                  <span className="block truncate text-xs text-muted">{token.owner.email}</span>
                </td>
              ) : null}
              <td className={td}>{ROLE_LABELS[token.role]}</td>
              <td className={`${td} font-mono text-xs whitespace-nowrap`}>{maskedToken(token.last4)}</td>
              <td className={td}>
                {token.last_used_at === null ? <span className="text-muted">Never</span> : <RelativeTime value={token.last_used_at} />}
              </td>
              <td className={td}>{token.expires_at === null ? <span className="text-muted">Never</span> : <RelativeTime value={token.expires_at} />}</td>
              <td className={`${td} text-right`}>
                <Button
                  size="sm"
                  variant="secondary"
                  busy={revokingId === token.id}
                  onClick={() => onRevoke(token)}
                  aria-label={`Revoke token ${token.name}${showOwner ? ` of ${token.owner.email}` : ''}`}
                >
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
