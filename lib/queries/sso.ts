/** Starting single sign-on: better-auth answers with the provider's authorization URL, the browser then goes there. */
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from './fetcher';

const SsoStart = z.object({ url: z.string().url(), redirect: z.boolean().optional() });

export function useStartSso() {
  return useMutation({
    mutationFn: (opts: { callbackURL: string }) =>
      apiFetch('/api/auth/sign-in/social', {
        method: 'POST',
        body: { provider: 'sso', callbackURL: opts.callbackURL, errorCallbackURL: '/sign-in', disableRedirect: true },
        schema: SsoStart,
      }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
