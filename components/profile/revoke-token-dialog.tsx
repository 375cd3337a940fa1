'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import type { TokenSummary } from '@/lib/contract/people';
import { ConfirmDialog } from './confirm-dialog';

/** Confirms revoking one token (own or, for admins, anyone's) with the given revoke mutation. */
export function RevokeTokenDialog({
  token,
  onClose,
  revoke,
  showOwner = false,
  note,
}: {
  token: TokenSummary | null;
  onClose: () => void;
  revoke: UseMutationResult<unknown, Error, string>;
  showOwner?: boolean;
  note: string;
}) {
  return (
    <ConfirmDialog
      open={token !== null}
      title={`Revoke “${token?.name ?? ''}”${showOwner ? ` of ${token?.owner.email ?? ''}` : ''}?`}
      confirmLabel="Revoke token"
      testId="revoke-token-dialog"
      busy={revoke.isPending}
      error={revoke.error}
      onClose={() => {
        revoke.reset();
        onClose();
      }}
      onConfirm={() => token && revoke.mutate(token.id, { onSuccess: onClose })}
    >
      <p>Scripts using it get 401 from their next request on. {note}</p>
    </ConfirmDialog>
  );
}
