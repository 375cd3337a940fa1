/** Starting single sign-on: better-auth answers with the provider's authorization URL, the browser then goes there. */
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from './fetcher';

// Loaded with zod on the click, not with the sign-in page: that page's first JavaScript has no other use for zod.
const ssoStart = () => import('zod').then(({ z }) => z.object({ url: z.string().url(), redirect: z.boolean().optional() }));

export function useStartSso() {
  return useMutation({
    mutationFn: (opts: { callbackURL: string }) =>
      apiFetch('/api/auth/sign-in/social', {
        method: 'POST',
        body: { provider: 'sso', callbackURL: opts.callbackURL, errorCallbackURL: '/sign-in', disableRedirect: true },
        schema: ssoStart,
      }),
    onSuccess: ({ url }) => window.location.assign(url),
  });
}
