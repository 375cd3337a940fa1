import type { Metadata } from 'next';
import Link from 'next/link';
import { SetupForm } from '@/components/forms/setup-form';
import { Card } from '@/components/ui/card';
import { getAuthPair, setupTokenState } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Set up Runboard' };
export const dynamic = 'force-dynamic';

// /setup?token=… — the one-time link printed at start while no user exists. Checked here (without using it up) so
// a used or expired link says so before anyone types a password.
export default async function SetupPage({ searchParams }: PageProps<'/setup'>) {
  const raw = (await searchParams).token;
  const token = typeof raw === 'string' ? raw : '';
  const state = await setupTokenState(await getAuthPair(), token);
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-4 pt-6">
      <h1 className="text-xl font-semibold">Set up Runboard</h1>
      {state === 'valid' ? (
        <>
          <p className="text-sm text-muted">Create the first admin. Admins then add everyone else.</p>
          <Card title="First admin">
            <SetupForm token={token} />
          </Card>
        </>
      ) : (
        <div role="alert" data-testid="setup-unavailable" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          {state === 'done' ? (
            <p>
              Runboard already has an admin. <Link prefetch={false} className="text-accent underline" href="/sign-in">Sign in</Link> instead.
            </p>
          ) : (
            <p>
              This setup link is not valid any more: it was used, it is older than 1 hour, or the server restarted and printed a new one.
              Use the newest link from the server console.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
