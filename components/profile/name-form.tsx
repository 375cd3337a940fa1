'use client';

import { useState, type FormEvent } from 'react';
import { UpdateProfileBody } from '@/lib/contract/people';
import { useUpdateProfile } from '@/lib/queries/profile';
import { validateWith } from '@/lib/queries/validate-body';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';
import { Field, fieldAria, Input } from '@/components/ui/field';

/** The display name others see in the audit log and on run history. */
export function NameForm({ name }: { name: string }) {
  const update = useUpdateProfile();
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(UpdateProfileBody, { name: value });
    setError(checked.ok ? null : (checked.errors.name ?? checked.message));
    if (checked.ok) update.mutate(checked.body);
  }

  return (
    <form onSubmit={submit} noValidate className="flex max-w-md flex-col gap-3">
      <Field id="profile-name" label="Name" error={error}>
        <Input {...fieldAria('profile-name', { error })} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="name" maxLength={100} />
      </Field>
      {update.error ? <ErrorState error={update.error} title="The name was not saved" compact /> : null}
      {update.isSuccess ? <output className="block text-sm text-success">Saved.</output> : null}
      <div>
        <Button type="submit" busy={update.isPending}>Save name</Button>
      </div>
    </form>
  );
}
