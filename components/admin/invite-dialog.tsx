'use client';

import { useState, type FormEvent } from 'react';
import { CreatePersonBody, ROLE_VALUES, type CreatedPerson, type RoleValue } from '@/lib/contract/people';
import { useInvitePerson } from '@/lib/queries/people';
import { validateWith } from '@/lib/queries/validate-body';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/lib/view/people';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field, fieldAria, Input, Select } from '@/components/ui/field';
import { CreatedSecret } from './created-secret';

type Method = CreatePersonBody['method'];

/** Invite a person: email, optional name, role, and how they get in (a 7-day link or a temporary password). */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const invite = useInvitePerson();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleValue>('viewer');
  const [method, setMethod] = useState<Method>('invite');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedPerson | null>(null);

  function close() {
    setCreated(null);
    setEmail('');
    setName('');
    setRole('viewer');
    setErrors({});
    invite.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(CreatePersonBody, { email, name: name.trim() === '' ? undefined : name, role, method });
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) invite.mutate(checked.body, { onSuccess: setCreated });
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? `${created.user.email} can now join` : 'Invite a person'}
      testId="invite-dialog"
      footer={
        created ? (
          <Button variant="primary" onClick={close}>Done</Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form="invite-form" busy={invite.isPending}>
              {method === 'invite' ? 'Create invite link' : 'Create account'}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <CreatedSecret created={created} />
      ) : (
        <form id="invite-form" onSubmit={submit} noValidate className="flex flex-col gap-3">
          <Field id="invite-email" label="Email" error={errors.email}>
            <Input {...fieldAria('invite-email', { error: errors.email })} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
          </Field>
          <Field id="invite-name" label="Name" optional hint="They can change it when they accept." error={errors.name}>
            <Input {...fieldAria('invite-name', { error: errors.name, hint: true })} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="invite-role" label="Role" hint={ROLE_DESCRIPTIONS[role]} error={errors.role}>
            <Select {...fieldAria('invite-role', { error: errors.role, hint: true })} value={role} onChange={(e) => setRole(e.target.value as RoleValue)}>
              {ROLE_VALUES.map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </Select>
          </Field>
          <fieldset className="flex flex-col gap-1.5 text-sm">
            <legend className="mb-1 font-medium">How they get in</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="invite-method" value="invite" checked={method === 'invite'} onChange={() => setMethod('invite')} className="mt-1 accent-[var(--accent)]" />
              <span>Invite link <span className="text-muted">— they choose their password; single use, valid 7 days</span></span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="invite-method" value="password" checked={method === 'password'} onChange={() => setMethod('password')} className="mt-1 accent-[var(--accent)]" />
              <span>Temporary password <span className="text-muted">— you pass it on; they must change it at first sign-in</span></span>
            </label>
          </fieldset>
          {invite.error ? <ErrorState error={invite.error} title="Nobody was invited" compact /> : null}
        </form>
      )}
    </Dialog>
  );
}

