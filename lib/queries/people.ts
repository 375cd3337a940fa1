/**
 * Admin people data: the users list and everyone's tokens (/api/admin/*), and the mutations on them. Every mutation
 * invalidates the `people` subtree (users and tokens: deactivating someone changes both views).
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreatedPerson,
  Ok,
  PersonPage,
  PersonSummary,
  TokenPage,
  type CreatePersonBody,
  type RoleValue,
} from '@/lib/contract/people';
import { apiFetch } from './fetcher';
import { queryKeys } from './keys';

export const PEOPLE_PAGE_SIZE = 25;

export function peoplePageQueryOptions(page: number) {
  return queryOptions({
    queryKey: queryKeys.peoplePage(page),
    queryFn: ({ signal }) => apiFetch('/api/admin/users', { schema: PersonPage, query: { page, page_size: PEOPLE_PAGE_SIZE }, signal }),
    staleTime: 10_000,
  });
}

export function allTokensQueryOptions(page: number) {
  return queryOptions({
    queryKey: queryKeys.allTokens(page),
    queryFn: ({ signal }) => apiFetch('/api/admin/tokens', { schema: TokenPage, query: { page, page_size: PEOPLE_PAGE_SIZE }, signal }),
    staleTime: 10_000,
  });
}

const userPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}`;

function usePeopleMutation<TVars, TResult>(mutationFn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.people() }),
  });
}

export const useInvitePerson = () =>
  usePeopleMutation((body: CreatePersonBody) => apiFetch('/api/admin/users', { method: 'POST', body, schema: CreatedPerson }));

export const useSetRole = () =>
  usePeopleMutation(({ id, role }: { id: string; role: RoleValue }) =>
    apiFetch(`${userPath(id)}/role`, { method: 'POST', body: { role }, schema: PersonSummary }),
  );

export const useSetActive = () =>
  usePeopleMutation(({ id, active }: { id: string; active: boolean }) =>
    apiFetch(`${userPath(id)}/${active ? 'reactivate' : 'deactivate'}`, { method: 'POST', schema: PersonSummary }),
  );

export const useRevokeUserSessions = () =>
  usePeopleMutation((id: string) => apiFetch(`${userPath(id)}/sessions`, { method: 'DELETE', schema: Ok }));

/** A fresh invite link (or temporary password) for someone who has not signed in yet; older links stop working. */
export const useReissueInvite = () =>
  usePeopleMutation(({ id, method }: { id: string; method: CreatePersonBody['method'] }) =>
    apiFetch(`${userPath(id)}/invite`, { method: 'POST', body: { method }, schema: CreatedPerson }),
  );

export const useRevokeAnyToken = () =>
  usePeopleMutation((id: string) => apiFetch(`/api/admin/tokens/${encodeURIComponent(id)}`, { method: 'DELETE', schema: Ok }));
