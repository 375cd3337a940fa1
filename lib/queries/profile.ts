/**
 * The signed-in person's own data (/api/profile/*): profile, personal tokens, sessions, and the mutations on them.
 * Token and session changes also invalidate the admin `people` subtree (an admin may be looking at their own row).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreatedToken,
  InviteInfo,
  Ok,
  Profile,
  SessionList,
  TokenPage,
  type AcceptInviteBody,
  type ChangePasswordBody,
  type CreateTokenBody,
  type UpdateProfileBody,
} from '@/lib/contract/people';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

export function profileQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.profile(),
    queryFn: ({ signal }) => apiFetch('/api/profile', { schema: Profile, signal }),
    staleTime: 30_000,
  });
}

export function profileTokensQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.profileTokens(),
    queryFn: ({ signal }) => apiFetch('/api/profile/tokens', { schema: TokenPage, query: { page_size: 100 }, signal }),
    staleTime: 10_000,
  });
}

export function profileSessionsQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.profileSessions(),
    queryFn: ({ signal }) => apiFetch('/api/profile/sessions', { schema: SessionList, signal }),
    staleTime: 10_000,
  });
}

export function inviteQueryOptions(token: string) {
  return queryOptions({
    queryKey: queryKeys.invite(token),
    queryFn: ({ signal }) => apiFetch(`/api/invites/${encodeURIComponent(token)}`, { schema: InviteInfo, signal }),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

function useProfileMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.profile() });
      await queryClient.invalidateQueries({ queryKey: queryKeys.people() });
    },
  });
}

export const useCreateToken = () =>
  useProfileMutation((body: CreateTokenBody) => apiFetch('/api/profile/tokens', { method: 'POST', body, schema: CreatedToken }));

export const useRevokeOwnToken = () =>
  useProfileMutation((id: string) => apiFetch(`/api/profile/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', schema: Ok }));

export const useRevokeSession = () =>
  useProfileMutation((id: string) => apiFetch(`/api/profile/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', schema: Ok }));

/** Ends every session of this person, this one included: the caller then goes to the sign-in page. */
export const useSignOutEverywhere = () =>
  useProfileMutation(() => apiFetch('/api/profile/sessions', { method: 'DELETE', schema: Ok }));

export const useUpdateProfile = () =>
  useProfileMutation((body: UpdateProfileBody) => apiFetch('/api/profile', { method: 'POST', body, schema: Profile }));

export const useChangePassword = () =>
  useProfileMutation((body: ChangePasswordBody) => apiFetch('/api/profile/password', { method: 'POST', body, schema: Ok }));

export function useAcceptInvite(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInviteBody) =>
      apiFetch(`/api/invites/${encodeURIComponent(token)}`, { method: 'POST', body, schema: Ok }),
  });
}
