import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ProfileView } from '@/components/profile/profile-view';
import { requireViewer } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Profile' };
export const dynamic = 'force-dynamic';

export default async function ProfilePage() {
  await requireViewer('/profile');
  return (
    <>
      <PageHeader title="Your profile" subtitle="Name, password, personal API tokens and where you are signed in." />
      <ProfileView />
    </>
  );
}
