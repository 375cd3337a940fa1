import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { AcceptInvite } from '@/components/profile/accept-invite';

export const metadata: Metadata = { title: 'Join Runboard', referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

export default async function InvitePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const token = (await searchParams).token;
  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Join Runboard" subtitle="Choose your name and password to finish your invitation." />
      <AcceptInvite token={typeof token === 'string' ? token : ''} />
    </div>
  );
}
