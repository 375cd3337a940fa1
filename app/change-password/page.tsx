import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ForcedPasswordChange } from '@/components/profile/forced-password-change';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Choose your password' };
export const dynamic = 'force-dynamic';

export default async function ChangePasswordPage() {
  await requireViewer('/change-password', { allowTemporaryPassword: true });
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Choose your password" subtitle="You signed in with a temporary password. Replace it to continue." />
      <ForcedPasswordChange />
    </div>
  );
}
