import { describe, expect, it } from 'vitest';
import { parseOidcConfig, parseRoleMap } from './oidc-config';

const base = {
  RUNBOARD_OIDC_ISSUER: 'https://login.example.com/realms/support/',
  RUNBOARD_OIDC_CLIENT_ID: 'runboard',
  RUNBOARD_OIDC_CLIENT_SECRET: 's3cret-value',
};

const problems = (env: Record<string, string>) => {
  try {
    parseOidcConfig(env);
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
  throw new Error('expected a ConfigError');
};

describe('parseOidcConfig', () => {
  it('is off when no issuer is set (blank values count as unset)', () => {
    expect(parseOidcConfig({})).toBeNull();
    expect(parseOidcConfig({ RUNBOARD_OIDC_ISSUER: '  ', RUNBOARD_OIDC_CLIENT_ID: '' })).toBeNull();
  });

  it('reads a minimal provider with defaults: viewer, any domain, no mapping', () => {
    expect(parseOidcConfig(base)).toEqual({
      issuer: 'https://login.example.com/realms/support',
      discoveryUrl: 'https://login.example.com/realms/support/.well-known/openid-configuration',
      clientId: 'runboard',
      clientSecret: 's3cret-value',
      displayName: 'single sign-on',
      allowedDomains: [],
      defaultRole: 'viewer',
      roleClaim: null,
      roleMap: [],
    });
  });

  it('reads domains, default role, name and the claim mapping', () => {
    const config = parseOidcConfig({
      ...base,
      RUNBOARD_OIDC_NAME: 'Okta',
      RUNBOARD_OIDC_ALLOWED_DOMAINS: 'Example.com, @support.example.com',
      RUNBOARD_OIDC_DEFAULT_ROLE: 'Operator',
      RUNBOARD_OIDC_ROLE_CLAIM: 'realm_access.roles',
      RUNBOARD_OIDC_ROLE_MAP: 'runboard-admins=admin, support=operator',
    });
    expect(config).toMatchObject({
      displayName: 'Okta',
      allowedDomains: ['example.com', 'support.example.com'],
      defaultRole: 'operator',
      roleClaim: 'realm_access.roles',
      roleMap: [
        { value: 'runboard-admins', role: 'admin' },
        { value: 'support', role: 'operator' },
      ],
    });
  });

  it('accepts plain http only for a provider on loopback', () => {
    expect(parseOidcConfig({ ...base, RUNBOARD_OIDC_ISSUER: 'http://127.0.0.1:5500' })?.issuer).toBe('http://127.0.0.1:5500');
    expect(problems({ ...base, RUNBOARD_OIDC_ISSUER: 'http://idp.example.com' })).toEqual([
      'RUNBOARD_OIDC_ISSUER must use https (http is accepted only for 127.0.0.1 / localhost) (got "http://idp.example.com")',
    ]);
  });

  it('lists every problem at once, naming each variable and never echoing the secret', () => {
    const list = problems({
      RUNBOARD_OIDC_ISSUER: 'not a url',
      RUNBOARD_OIDC_CLIENT_SECRET: 'x'.repeat(5000),
      RUNBOARD_OIDC_ALLOWED_DOMAINS: 'example.com, not a domain',
      RUNBOARD_OIDC_DEFAULT_ROLE: 'admin',
      RUNBOARD_OIDC_ROLE_MAP: 'support=owner',
    });
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_ISSUER must be the provider's issuer URL/);
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_CLIENT_SECRET must be at most 4096 characters$/m);
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_ALLOWED_DOMAINS must be a comma-separated list/);
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_DEFAULT_ROLE must not be admin/);
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_CLIENT_ID is required when RUNBOARD_OIDC_ISSUER is set/);
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_ROLE_CLAIM and RUNBOARD_OIDC_ROLE_MAP go together/);
    expect(list.join('\n')).toMatch(/RUNBOARD_OIDC_ROLE_MAP has a bad entry "support=owner"/);
    expect(list.join('\n')).not.toContain('xxxxxxxx');
  });

  it('refuses SSO settings without an issuer instead of silently ignoring them', () => {
    expect(problems({ RUNBOARD_OIDC_CLIENT_ID: 'runboard', RUNBOARD_OIDC_ALLOWED_DOMAINS: 'example.com' })).toEqual([
      'RUNBOARD_OIDC_CLIENT_ID, RUNBOARD_OIDC_ALLOWED_DOMAINS are set but RUNBOARD_OIDC_ISSUER is not',
    ]);
  });
});

describe('parseRoleMap', () => {
  it('reads pairs, splitting on the last = so a value may contain one', () => {
    expect(parseRoleMap('team=ops=operator, admins = ADMIN,')).toEqual([
      { value: 'team=ops', role: 'operator' },
      { value: 'admins', role: 'admin' },
    ]);
  });

  it('refuses entries without a value or with an unknown role', () => {
    expect(() => parseRoleMap('=admin')).toThrow('has a bad entry "=admin"');
    expect(() => parseRoleMap('support')).toThrow('has a bad entry "support"');
    expect(() => parseRoleMap(' , ')).toThrow('must list at least one');
  });
});
