'use client';

import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AcceptInviteBody, PASSWORD_MIN } from '@/lib/contract/people';
import { inviteQueryOptions, useAcceptInvite } from '@/lib/queries/profile';
import { validateWith } from '@/lib/queries/validate-body';
import { ROLE_LABELS } from '@/lib/view/people';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Field, fieldAria, Input } from '@/components/ui/field';
import { SkeletonRows } from '@/components/ui/spinner';

/** /invite?token=…: shows who is invited, takes a name and a password, then points to the sign-in page. */
export function AcceptInvite({ token }: { token: string }) {
  const invite = useQuery({ ...inviteQueryOptions(token), enabled: token !== '' });
  const accept = useAcceptInvite(token);
  const [name, setName] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (token === '') {
    return <ErrorState error={new Error('This address has no invitation token. Open the full link you were sent.')} title="Invitation link incomplete" />;
  }
  if (invite.isPending) return <SkeletonRows rows={3} label="invitation" />;
  if (invite.isError) return <ErrorState error={invite.error} title="This invitation cannot be used" hint="Ask your Runboard admin for a new link." />;
  if (accept.isSuccess) {
    return (
      <Card>
        <div className="flex flex-col gap-3" data-testid="invite-accepted">
          <output className="block font-medium">You are in. Sign in with {invite.data.email} and your new password.</output>
          <div>
            <ButtonLink href={`/sign-in?email=${encodeURIComponent(invite.data.email)}`} variant="primary">Go to sign-in</ButtonLink>
          </div>
        </div>
      </Card>
    );
  }

  const shownName = name ?? invite.data.name;
  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(AcceptInviteBody, { name: shownName, password });
    const found = checked.ok ? {} : { ...checked.errors };
    if (password !== repeat) found.repeat = 'must match the password';
    setErrors(found);
    if (checked.ok && !found.repeat) accept.mutate(checked.body);
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3" data-testid="accept-invite-form">
        <p className="text-sm">
          <span className="font-medium">{invite.data.email}</span> is invited as <span className="font-medium">{ROLE_LABELS[invite.data.role]}</span>.
        </p>
        <Field id="invite-accept-name" label="Your name" error={errors.name}>
          <Input {...fieldAria('invite-accept-name', { error: errors.name })} autoComplete="name" value={shownName} onChange={(e) => setName(e.target.value)} />
        </Field>
        <input type="email" autoComplete="username" value={invite.data.email} readOnly hidden />
        <Field id="invite-accept-password" label="Password" hint={`At least ${PASSWORD_MIN} characters.`} error={errors.password}>
          <Input {...fieldAria('invite-accept-password', { error: errors.password, hint: true })} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <Field id="invite-accept-repeat" label="Repeat the password" error={errors.repeat}>
          <Input {...fieldAria('invite-accept-repeat', { error: errors.repeat })} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </Field>
        {accept.error ? <ErrorState error={accept.error} title="The invitation was not accepted" compact /> : null}
        <div>
          <Button type="submit" variant="primary" busy={accept.isPending}>Join Runboard</Button>
        </div>
      </form>
    </Card>
  );
}
