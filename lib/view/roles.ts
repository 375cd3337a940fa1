// Roles and what each may do, for the UI. Pure: the server decides again on every request (lib/server/access.ts),
// this only keeps the UI from offering what the role cannot do.

export type Role = 'viewer' | 'operator' | 'admin';
export type Viewer = { id: string; name: string; email: string; role: Role };
/** operate: create runs, submit tool outputs, cancel, edit metadata. admin: users, roles, sessions, tokens, settings. */
export type Ability = 'operate' | 'admin';

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
const NEEDS: Record<Ability, Role> = { operate: 'operator', admin: 'admin' };

export function roleAtLeast(role: Role | null | undefined, needed: Role): boolean {
  return role != null && RANK[role] >= RANK[needed];
}

export function can(viewer: Pick<Viewer, 'role'> | null | undefined, ability: Ability): boolean {
  return roleAtLeast(viewer?.role, NEEDS[ability]);
}

/** The sentence shown where a control would be for someone whose role is too low. */
export function whoCan(ability: Ability, action: string): string {
  return `${ability === 'admin' ? 'Admins' : 'Operators'} can ${action}.`;
}

export const ROLE_LABEL: Record<Role, string> = { viewer: 'Viewer', operator: 'Operator', admin: 'Admin' };
