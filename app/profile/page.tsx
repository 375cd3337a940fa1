import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { ProfileView } from '@/components/profile/profile-view';

export const metadata: Metadata = { title: 'Profile' };

export default function ProfilePage() {
  return (
    <>
      <PageHeader title="Your profile" subtitle="Name, password, personal API tokens and where you are signed in." />
      <ProfileView />
    </>
  );
}
