'use client';

import { useState, type FormEvent } from 'react';
import { Button, Field, Input } from '@/components/ui';
import { useSignIn } from '@/lib/queries/viewer';

/** Email + password. Every refusal (wrong password, unknown email, rate limit) shows the server's message inline. */
export function SignInForm({ next }: { next: string }) {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      // A full navigation: the server renders the next page with the new session cookie.
      { onSuccess: () => window.location.assign(next) },
    );
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-describedby={signIn.error ? 'sign-in-error' : undefined}>
      <Field id="sign-in-email" label="Email">
        <Input id="sign-in-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field id="sign-in-password" label="Password">
        <Input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      {signIn.error ? (
        <p id="sign-in-error" role="alert" data-testid="sign-in-error" className="text-sm font-medium text-danger">
          {signIn.error.message}
        </p>
      ) : null}
      <Button type="submit" variant="primary" busy={signIn.isPending || signIn.isSuccess}>
        Sign in
      </Button>
    </form>
  );
}
