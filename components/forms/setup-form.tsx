'use client';

import { useState, type FormEvent } from 'react';
import { Button, Field, Input } from '@/components/ui';
import { isApiRequestError } from '@/lib/queries/api-error';
import { useCompleteSetup } from '@/lib/queries/viewer';

/** Creates the first admin with the one-time link's token, then opens the dashboard signed in. */
export function SetupForm({ token }: { token: string }) {
  const setup = useCompleteSetup();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setup.mutate({ token, name: name.trim(), email: email.trim(), password }, { onSuccess: () => window.location.assign('/') });
  };

  const error = setup.error;
  const param = isApiRequestError(error) ? error.param : null;
  const fieldError = (id: string) => (param === id ? (error?.message ?? null) : null);

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <Field id="name" label="Your name" error={fieldError('name')}>
        <Input id="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field id="email" label="Email" error={fieldError('email')}>
        <Input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field id="password" label="Password" hint="At least 12 characters." error={fieldError('password')}>
        <Input id="password" type="password" autoComplete="new-password" required minLength={12} maxLength={128} value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      <Field id="confirm" label="Password again" error={mismatch ? 'The two passwords differ.' : null}>
        <Input id="confirm" type="password" autoComplete="new-password" required value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </Field>
      {error && !param ? (
        <p role="alert" data-testid="setup-error" className="text-sm font-medium text-danger">
          {error.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" busy={setup.isPending || setup.isSuccess}>
        Create the admin account
      </Button>
    </form>
  );
}
