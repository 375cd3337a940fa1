import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SsoButton } from '@/components/auth/sso-button';
import { SignInForm } from '@/components/forms/sign-in-form';
import { Card } from '@/components/ui/card';
import { ssoConfig } from '@/lib/auth/sso';
import { getAuthPair, getServerViewer, safeNextPath, userCount } from '@/lib/auth/viewer';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

// Signed in already → straight on. No user yet → say where the one-time setup link is (the server console).
export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const sso = ssoConfig();
  if (await getServerViewer()) redirect(next);
  const firstStart = (await userCount(await getAuthPair())) === 0;
  return (
    <div className="mx-auto flex w-full max-w-sm flex-col gap-4 pt-6">
      <h1 className="text-xl font-semibold">Sign in to Runboard</h1>
      {firstStart ? (
        <div data-testid="first-start-hint" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          <p className="font-medium">Runboard has no account yet.</p>
          <p className="mt-1 text-muted">
            The server printed a one-time setup link in its console when it started (look for “No user exists yet”). Open it to create
            the first admin. The link works for 1 hour; restarting the server prints a new one.
          </p>
        </div>
      ) : null}
      {sso ? <SsoButton providerName={sso.displayName} next={next} errorCode={typeof params.error === 'string' ? params.error : null} /> : null}
      <Card title={sso ? 'Or with your Runboard password' : 'Your account'}>
        <SignInForm next={next} />
      </Card>
      <p className="text-xs text-muted">Accounts are created by a Runboard admin.</p>
    </div>
  );
}
