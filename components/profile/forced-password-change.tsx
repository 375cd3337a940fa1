'use client';

import { Card } from '@/components/ui/card';
import { PasswordForm } from './password-form';

/** First sign-in with a temporary password: nothing else works until it is replaced. */
export function ForcedPasswordChange() {
  return (
    <Card>
      {/* A full page load afterwards: every query refused before the change is fetched again. */}
      <PasswordForm currentLabel="Temporary password" onChanged={() => window.location.assign('/')} />
    </Card>
  );
}
