'use client';

import { useState, type FormEvent } from 'react';
import { CreateTokenBody, TOKEN_DAYS, type CreatedToken, type RoleValue } from '@/lib/contract/people';
import { useCreateToken } from '@/lib/queries/profile';
import { validateWith } from '@/lib/queries/validate-body';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, rolesUpTo, TOKEN_LIFETIMES } from '@/lib/view/people';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { ErrorState } from '@/components/ui/error-state';
import { Field, fieldAria, Input, Select } from '@/components/ui/field';
import { SecretReveal } from './secret-reveal';

/**
 * New personal API token: name, role (the owner's or lower) and lifetime (default 90 days, at most a year). Once
 * created the dialog shows the token itself, once; closing it forgets the value.
 */
export function CreateTokenDialog({ open, onClose, ownRole }: { open: boolean; onClose: () => void; ownRole: RoleValue }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<RoleValue>(ownRole === 'admin' ? 'operator' : ownRole);
  const [days, setDays] = useState<number>(TOKEN_DAYS.default);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedToken | null>(null);

  function close() {
    setCreated(null);
    setName('');
    setErrors({});
    create.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(CreateTokenBody, { name, role, days });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(checked.body, { onSuccess: setCreated });
  }

  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={created ? 'Your new token' : 'Create a personal API token'}
      testId="create-token-dialog"
      footer={
        created ? (
          <Button variant="primary" onClick={close}>
            I have copied it
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form="create-token-form" busy={create.isPending}>
              Create token
            </Button>
          </>
        )
      }
    >
      {created ? (
        <div className="flex flex-col gap-3" data-testid="token-shown-once">
          <SecretReveal
            label={`Token “${created.token.name}”`}
            value={created.secret}
            testId="new-token-value"
            note="Copy it now: Runboard stores only a hash and will not show it again. Anyone holding it acts as you, at the token's role, until it expires or you revoke it."
          />
          <div className="text-xs text-muted">
            <p>Use it with the official SDK or any HTTP client:</p>
            <pre className="mt-1 overflow-x-auto rounded bg-surface-muted p-2 font-mono">
              {`OPENAI_BASE_URL=${origin}/api/v1\nOPENAI_API_KEY=rb_…`}
            </pre>
          </div>
        </div>
      ) : (
        <form id="create-token-form" onSubmit={submit} noValidate className="flex flex-col gap-3">
          <Field id="token-name" label="Name" hint="What it is for, e.g. “nightly export script”." error={errors.name}>
            <Input {...fieldAria('token-name', { error: errors.name, hint: true })} value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoComplete="off" />
          </Field>
          <Field id="token-role" label="Role" hint={ROLE_DESCRIPTIONS[role]} error={errors.role}>
            <Select {...fieldAria('token-role', { error: errors.role, hint: true })} value={role} onChange={(e) => setRole(e.target.value as RoleValue)}>
              {rolesUpTo(ownRole).map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r]}</option>
              ))}
            </Select>
          </Field>
          <Field id="token-days" label="Expires after" error={errors.days}>
            <Select {...fieldAria('token-days', { error: errors.days })} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {TOKEN_LIFETIMES.map((l) => (
                <option key={l.days} value={l.days}>{l.label}</option>
              ))}
            </Select>
          </Field>
          {create.error ? <ErrorState error={create.error} title="The token was not created" compact /> : null}
        </form>
      )}
    </Dialog>
  );
}
