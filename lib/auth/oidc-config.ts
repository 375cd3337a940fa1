import 'server-only';
import { z } from 'zod';
import { blankToUndefined as blank, ConfigError, describeEnvIssues } from '@/lib/upstream/config';
import { ROLE_VALUES as ROLES } from '@/lib/contract/people';
import type { Role } from '@/lib/view/roles';

// Single sign-on settings: any OpenID Connect provider (Okta, Entra ID, Google Workspace, Keycloak) by its issuer.
// Unset issuer = no SSO (the sign-in page shows no SSO button). Empty values count as unset; every problem names the
// variable; the client secret is never echoed back. Who gets in and at which role is decided by the pure functions
// below, so they are unit-tested without a provider.

export type OidcConfig = {
  issuer: string;
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  /** Button label: "Sign in with <name>". */
  displayName: string;
  /** Lower-case domains; empty = any domain the provider vouches for. */
  allowedDomains: string[];
  defaultRole: Role;
  /** Claim holding group/role names (a dotted path reaches nested claims, e.g. Keycloak's realm_access.roles). */
  roleClaim: string | null;
  /** Claim value → role; the highest role among the values the user has wins. */
  roleMap: Array<{ value: string; role: Role }>;
};

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const issuerUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be the provider\'s issuer URL, e.g. https://login.example.com/realms/support' });
    return;
  }
  // Plain http only for a provider on this machine (tests, a local Keycloak): tokens must not cross a network in clear.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    ctx.addIssue({ code: 'custom', message: 'must use https (http is accepted only for 127.0.0.1 / localhost)' });
  }
  if (url.username || url.password || url.search || url.hash) {
    ctx.addIssue({ code: 'custom', message: 'must not contain credentials, a query or a fragment' });
  }
});

const roleName = (what: string) =>
  z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')} (${what})` });

const OidcEnv = z.object({
  RUNBOARD_OIDC_ISSUER: z.preprocess(blank, issuerUrl.optional()),
  RUNBOARD_OIDC_CLIENT_ID: z.preprocess(blank, z.string().max(512, 'must be at most 512 characters').optional()),
  RUNBOARD_OIDC_CLIENT_SECRET: z.preprocess(blank, z.string().max(4096, 'must be at most 4096 characters').optional()),
  RUNBOARD_OIDC_NAME: z.preprocess(blank, z.string().max(40, 'must be at most 40 characters').optional()),
  RUNBOARD_OIDC_ALLOWED_DOMAINS: z.preprocess(
    blank,
    z
      .string()
      .transform((raw) => raw.split(',').map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))
      .refine((domains) => domains.every((d) => DOMAIN.test(d)), {
        message: 'must be a comma-separated list of email domains, e.g. example.com,support.example.com',
      })
      .optional(),
  ),
  RUNBOARD_OIDC_DEFAULT_ROLE: z.preprocess(
    (v) => (typeof blank(v) === 'string' ? (blank(v) as string).toLowerCase() : undefined),
    roleName('the role a new SSO user gets')
      .refine((role) => role !== 'admin', {
        message: 'must not be admin: grant admin to a group with RUNBOARD_OIDC_ROLE_MAP instead',
      })
      .optional(),
  ),
  RUNBOARD_OIDC_ROLE_CLAIM: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[A-Za-z0-9_:/-]+(\.[A-Za-z0-9_:/-]+)*$/, 'must be a claim name such as groups (dots reach nested claims)')
      .optional(),
  ),
  RUNBOARD_OIDC_ROLE_MAP: z.preprocess(blank, z.string().optional()),
});

/** `runboard-admins=admin, support=operator` → pairs; throws a readable message on a bad entry. */
export function parseRoleMap(raw: string): Array<{ value: string; role: Role }> {
  const pairs: Array<{ value: string; role: Role }> = [];
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = at > 0 ? entry.slice(0, at).trim() : '';
    const role = at > 0 ? entry.slice(at + 1).trim().toLowerCase() : '';
    if (!value || !(ROLES as readonly string[]).includes(role)) {
      throw new Error(`has a bad entry ${JSON.stringify(entry)}: write claim-value=role, role one of ${ROLES.join(', ')}`);
    }
    pairs.push({ value, role: role as Role });
  }
  if (pairs.length === 0) throw new Error('must list at least one claim-value=role pair');
  return pairs;
}

/** The SSO settings, or null when RUNBOARD_OIDC_ISSUER is unset; throws ConfigError listing every problem. */
export function parseOidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const parsed = OidcEnv.safeParse(env);
  const problems = parsed.success ? [] : describeEnvIssues(parsed.error, env);
  const has = (name: string) => blank(env[name]) !== undefined;
  const issuerSet = has('RUNBOARD_OIDC_ISSUER');
  if (issuerSet) {
    for (const name of ['RUNBOARD_OIDC_CLIENT_ID', 'RUNBOARD_OIDC_CLIENT_SECRET']) {
      if (!has(name)) problems.push(`${name} is required when RUNBOARD_OIDC_ISSUER is set`);
    }
  } else {
    const stray = Object.keys(OidcEnv.shape).filter((name) => name !== 'RUNBOARD_OIDC_ISSUER' && has(name));
    if (stray.length > 0) problems.push(`${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set but RUNBOARD_OIDC_ISSUER is not`);
  }
  if (has('RUNBOARD_OIDC_ROLE_CLAIM') !== has('RUNBOARD_OIDC_ROLE_MAP')) {
    problems.push('RUNBOARD_OIDC_ROLE_CLAIM and RUNBOARD_OIDC_ROLE_MAP go together (e.g. groups and runboard-admins=admin)');
  }
  let roleMap: OidcConfig['roleMap'] = [];
  if (has('RUNBOARD_OIDC_ROLE_MAP')) {
    try {
      roleMap = parseRoleMap(String(blank(env.RUNBOARD_OIDC_ROLE_MAP)));
    } catch (error) {
      problems.push(`RUNBOARD_OIDC_ROLE_MAP ${(error as Error).message}`);
    }
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  if (!e.RUNBOARD_OIDC_ISSUER) return null;
  const issuer = e.RUNBOARD_OIDC_ISSUER.replace(/\/+$/, '');
  return {
    issuer,
    discoveryUrl: `${issuer}/.well-known/openid-configuration`,
    clientId: e.RUNBOARD_OIDC_CLIENT_ID!,
    clientSecret: e.RUNBOARD_OIDC_CLIENT_SECRET!,
    displayName: e.RUNBOARD_OIDC_NAME ?? 'single sign-on',
    allowedDomains: e.RUNBOARD_OIDC_ALLOWED_DOMAINS ?? [],
    defaultRole: e.RUNBOARD_OIDC_DEFAULT_ROLE ?? 'viewer',
    roleClaim: e.RUNBOARD_OIDC_ROLE_CLAIM ?? null,
    roleMap,
  };
}
