import { roleAtLeast, type Role } from '@/lib/view/roles';

// Who may come in through single sign-on and at which role: pure functions over the provider's claims, applied when
// an SSO sign-in would create an account. (An existing account keeps the role an admin gave it.)

export type SsoRules = {
  allowedDomains: string[];
  defaultRole: Role;
  roleClaim: string | null;
  roleMap: Array<{ value: string; role: Role }>;
};

export type SsoDecision = { allowed: true; email: string; role: Role } | { allowed: false; reason: string };

/** String values of a claim; a dotted path reaches nested objects (realm_access.roles); a string counts as one value. */
export function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  // A claim whose name itself contains dots (e.g. a URL-style claim) wins over the nested reading.
  if (path in claims) value = claims[path];
  else
    for (const part of path.split('.')) {
      value = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[part] : undefined;
    }
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** The highest mapped role among the user's claim values, else the default role. Values compare case-sensitively,
 *  as providers treat group names. */
export function roleFromClaims(claims: Record<string, unknown>, rules: SsoRules): Role {
  if (!rules.roleClaim) return rules.defaultRole;
  const values = new Set(claimValues(claims, rules.roleClaim));
  return highestRole(rules.roleMap.filter((m) => values.has(m.value)).map((m) => m.role)) ?? rules.defaultRole;
}

function highestRole(roles: Role[]): Role | null {
  return roles.reduce<Role | null>((best, role) => (best === null || !roleAtLeast(best, role) ? role : best), null);
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

export function decideSsoUser(claims: Record<string, unknown>, rules: SsoRules): SsoDecision {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return { allowed: false, reason: 'the provider sent no email address' };
  if (rules.allowedDomains.length > 0) {
    // An unverified address proves nothing about its domain.
    if (claims.email_verified === false) return { allowed: false, reason: `the provider has not verified ${email}` };
    if (!rules.allowedDomains.includes(emailDomain(email))) {
      return { allowed: false, reason: `${emailDomain(email)} is not an allowed domain for single sign-on` };
    }
  }
  return { allowed: true, email, role: roleFromClaims(claims, rules) };
}
