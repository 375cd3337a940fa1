import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ForcedPasswordChange } from '@/components/profile/forced-password-change';

export const metadata: Metadata = { title: 'Choose your password' };

export default function ChangePasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Choose your password" subtitle="You signed in with a temporary password. Replace it to continue." />
      <ForcedPasswordChange />
    </div>
  );
}
