'use client';

import { useStartSso } from '@/lib/queries/sso';
import { ssoErrorMessage } from '@/lib/view/sso-errors';
import { Button } from '@/components/ui/button';
import { ErrorState } from '@/components/ui/error-state';

/**
 * "Sign in with <provider>" on the sign-in page when RUNBOARD_OIDC_ISSUER is set. `errorCode` is the `?error=` the
 * last attempt came back with; it is shown in our words (see ssoErrorMessage).
 */
export function SsoButton({ providerName, next = '/', errorCode }: { providerName: string; next?: string; errorCode?: string | null }) {
  const start = useStartSso();
  const refusal = ssoErrorMessage(errorCode);
  return (
    <div className="flex flex-col gap-2" data-testid="sso-sign-in">
      {refusal ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/5 p-2 text-sm text-danger" data-testid="sso-refusal">
          {refusal}
        </p>
      ) : null}
      <Button variant="secondary" className="w-full" busy={start.isPending || start.isSuccess} onClick={() => start.mutate({ callbackURL: next })}>
        <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="3" y="7" width="10" height="7" rx="1.5" />
          <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
        </svg>
        Sign in with {providerName}
      </Button>
      {start.error ? <ErrorState error={start.error} title="Single sign-on could not start" compact /> : null}
    </div>
  );
}
