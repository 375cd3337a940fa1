'use client';

import type { CreatedPerson } from '@/lib/contract/people';
import { RelativeTime } from '@/components/ui/relative-time';
import { SecretReveal } from '@/components/profile/secret-reveal';

/** What an admin passes on after inviting someone: the invite link or the temporary password, shown once. */
export function CreatedSecret({ created }: { created: CreatedPerson }) {
  if (created.invite_url) {
    return (
      <div className="flex flex-col gap-2" data-testid="invite-created">
        <SecretReveal
          label="Invite link"
          value={created.invite_url}
          testId="invite-url"
          note="Send it to them over a channel you trust. It works once; Runboard keeps only a hash of it and will not show it again."
        />
        {created.invite_expires_at ? (
          <p className="text-xs text-muted">
            Expires <RelativeTime value={created.invite_expires_at} mode="absolute" />.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div data-testid="invite-created">
      <SecretReveal
        label="Temporary password"
        value={created.temporary_password ?? ''}
        testId="temporary-password"
        note={`${created.user.email} signs in with it once and must then choose their own. It will not be shown again.`}
      />
    </div>
  );
}
