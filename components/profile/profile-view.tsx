'use client';

import { useQuery } from '@tanstack/react-query';
import { profileQueryOptions } from '@/lib/queries/profile';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/view/people';
import { Card, Facts } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/spinner';
import { NameForm } from './name-form';
import { PasswordForm } from './password-form';
import { SessionsCard } from './sessions-card';
import { TokensCard } from './tokens-card';

/** /profile: who I am, my name and password, my API tokens and my sessions. */
export function ProfileView() {
  const profile = useQuery(profileQueryOptions());
  if (profile.isPending) return <SkeletonRows rows={6} label="profile" />;
  if (profile.isError) return <ErrorState error={profile.error} title="Your profile could not be loaded" onRetry={() => void profile.refetch()} />;
  const me = profile.data;
  return (
    <div className="flex flex-col gap-6">
      <Card id="account" title="Account">
        <div className="flex flex-col gap-5">
          <Facts
            items={[
              { label: 'Email', value: <span data-testid="profile-email">{me.email}</span> },
              { label: 'Role', value: <span data-testid="profile-role">{ROLE_LABELS[me.role]} — {ROLE_DESCRIPTIONS[me.role]}</span> },
              { label: 'Sign-in', value: me.sso ? 'Single sign-on' : 'Email and password' },
            ]}
          />
          <NameForm key={me.name} name={me.name} />
        </div>
      </Card>
      <Card id="password" title="Password">
        {me.has_password ? (
          <PasswordForm />
        ) : (
          <p className="text-sm text-muted">You sign in through single sign-on; your password is managed by your identity provider.</p>
        )}
      </Card>
      <TokensCard ownRole={me.role} />
      <SessionsCard />
    </div>
  );
}
