import 'server-only';
import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements, adminAc } from 'better-auth/plugins/admin/access';
import type { Role } from '@/lib/view/roles';

// better-auth's admin plugin knows our three roles; only admins may manage users and sessions through it.
// What each role may do in Runboard itself is decided in lib/server/access.ts (and lib/view/roles.ts for the UI).

export const accessControl = createAccessControl(defaultStatements);

export const adminPluginRoles = {
  viewer: accessControl.newRole({ user: [], session: [] }),
  operator: accessControl.newRole({ user: [], session: [] }),
  admin: adminAc,
};

export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];

/** A stored role string as a Runboard role; anything unknown (or missing) counts as the lowest role. */
export function toRole(value: unknown): Role {
  return value === 'admin' || value === 'operator' ? value : 'viewer';
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The lower of two roles. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}
