import { ROLE_VALUES } from '@/lib/contract/people';

// The three roles, lowest first. Pure (no server imports) so the token rules and SSO mapping share it with tests.
export const ROLES = ROLE_VALUES;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const roleRank = (role: Role): number => ROLES.indexOf(role);

/** True when `role` grants no more than `ceiling` (a token may not outrank its owner). */
export const roleAtMost = (role: Role, ceiling: Role): boolean => roleRank(role) <= roleRank(ceiling);

/** The lower of two roles: what a token may do when its owner has since been demoted. */
export const lowerRole = (a: Role, b: Role): Role => (roleRank(a) <= roleRank(b) ? a : b);

export function highestRole(roles: Iterable<Role>): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (best === null || roleRank(role) > roleRank(best)) best = role;
  return best;
}
