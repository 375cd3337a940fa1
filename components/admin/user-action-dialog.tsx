'use client';

import { useState } from 'react';
import type { CreatedPerson } from '@/lib/contract/people';
import { useReissueInvite, useRevokeUserSessions, useSetActive } from '@/lib/queries/people';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ConfirmDialog } from '@/components/profile/confirm-dialog';
import { CreatedSecret } from './created-secret';
import type { UserAction } from './users-table';

const COPY: Record<UserAction['kind'], { title: (email: string) => string; confirm: string; body: string }> = {
  deactivate: {
    title: (email) => `Deactivate ${email}?`,
    confirm: 'Deactivate',
    body: 'Their sessions end and their API tokens stop working at once. You can reactivate them later; their tokens then work again until they expire.',
  },
  reactivate: {
    title: (email) => `Reactivate ${email}?`,
    confirm: 'Reactivate',
    body: 'They can sign in again, and their unexpired API tokens work again.',
  },
  'revoke-sessions': {
    title: (email) => `Sign ${email} out everywhere?`,
    confirm: 'Sign out',
    body: 'Every browser session of theirs ends now. Their API tokens are not affected.',
  },
  reissue: {
    title: (email) => `New invite link for ${email}?`,
    confirm: 'Create new link',
    body: 'Earlier links for them stop working. The new one is valid 7 days.',
  },
};

/** Confirms and runs one row action of the users table; a re-issued invite shows its new link once. */
export function UserActionDialog({ action, onClose }: { action: UserAction | null; onClose: () => void }) {
  const setActive = useSetActive();
  const revokeSessions = useRevokeUserSessions();
  const reissue = useReissueInvite();
  const [created, setCreated] = useState<CreatedPerson | null>(null);
  const mutation = action?.kind === 'revoke-sessions' ? revokeSessions : action?.kind === 'reissue' ? reissue : setActive;

  function close() {
    setActive.reset();
    revokeSessions.reset();
    reissue.reset();
    setCreated(null);
    onClose();
  }

  function confirm() {
    if (!action) return;
    const id = action.user.id;
    if (action.kind === 'revoke-sessions') revokeSessions.mutate(id, { onSuccess: close });
    else if (action.kind === 'reissue') reissue.mutate({ id, method: 'invite' }, { onSuccess: setCreated });
    else setActive.mutate({ id, active: action.kind === 'reactivate' }, { onSuccess: close });
  }

  if (created) {
    return (
      <Dialog open onClose={close} title={`New invite link for ${created.user.email}`} testId="reissue-dialog" footer={<Button variant="primary" onClick={close}>Done</Button>}>
        <CreatedSecret created={created} />
      </Dialog>
    );
  }
  const copy = action ? COPY[action.kind] : null;
  return (
    <ConfirmDialog
      open={action !== null}
      title={copy && action ? copy.title(action.user.email) : ''}
      confirmLabel={copy?.confirm ?? ''}
      testId="user-action-dialog"
      busy={mutation.isPending}
      error={mutation.error}
      onClose={close}
      onConfirm={confirm}
    >
      <p>{copy?.body}</p>
    </ConfirmDialog>
  );
}
