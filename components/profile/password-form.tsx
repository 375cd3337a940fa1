'use client';

import { useState, type FormEvent } from 'react';
import { ChangePasswordBody, PASSWORD_MIN } from '@/lib/contract/people';
import { useChangePassword } from '@/lib/queries/profile';
import { validateWith } from '@/lib/queries/validate-body';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field, fieldAria, Input } from '@/components/ui/field';

/** Current + new password (twice). Other sessions end when it changes; this one stays signed in. */
export function PasswordForm({ onChanged, currentLabel = 'Current password' }: { onChanged?: () => void; currentLabel?: string }) {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const checked = validateWith(ChangePasswordBody, { current_password: current, new_password: next });
    const found = checked.ok ? {} : { ...checked.errors };
    if (next !== repeat) found.repeat = 'must match the new password';
    setErrors(found);
    if (!checked.ok || Object.keys(found).length > 0) return;
    change.mutate(checked.body, {
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setRepeat('');
        setDone(true);
        onChanged?.();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-3" data-testid="password-form">
      <Field id="current-password" label={currentLabel} error={errors.current_password}>
        <Input {...fieldAria('current-password', { error: errors.current_password })} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </Field>
      <Field id="new-password" label="New password" hint={`At least ${PASSWORD_MIN} characters.`} error={errors.new_password}>
        <Input {...fieldAria('new-password', { error: errors.new_password, hint: true })} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
      </Field>
      <Field id="repeat-password" label="Repeat the new password" error={errors.repeat}>
        <Input {...fieldAria('repeat-password', { error: errors.repeat })} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
      </Field>
      {change.error ? <ErrorState error={change.error} title="The password was not changed" compact /> : null}
      {done ? <output className="block text-sm text-success" data-testid="password-changed">Password changed. Your other sessions were signed out.</output> : null}
      <div>
        <Button type="submit" variant="primary" busy={change.isPending}>Change password</Button>
      </div>
    </form>
  );
}
