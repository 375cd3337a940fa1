import { describe, expect, it } from 'vitest';
import { claimValues, decideSsoUser, roleFromClaims, type SsoRules } from './sso-rules';

const rules: SsoRules = {
  allowedDomains: [],
  defaultRole: 'viewer',
  roleClaim: 'groups',
  roleMap: [
    { value: 'runboard-admins', role: 'admin' },
    { value: 'support', role: 'operator' },
  ],
};

describe('claimValues', () => {
  it('reads arrays, space/comma separated strings and nested paths', () => {
    expect(claimValues({ groups: ['a', 2, 'b'] }, 'groups')).toEqual(['a', 'b']);
    expect(claimValues({ roles: 'a b,c' }, 'roles')).toEqual(['a', 'b', 'c']);
    expect(claimValues({ realm_access: { roles: ['ops'] } }, 'realm_access.roles')).toEqual(['ops']);
    expect(claimValues({ 'https://example.com/groups': ['x'] }, 'https://example.com/groups')).toEqual(['x']);
    expect(claimValues({ groups: { a: 1 } }, 'groups')).toEqual([]);
    expect(claimValues({}, 'missing.path')).toEqual([]);
  });
});

describe('roleFromClaims', () => {
  it('gives the highest mapped role, whatever the order of the values', () => {
    expect(roleFromClaims({ groups: ['support', 'runboard-admins'] }, rules)).toBe('admin');
    expect(roleFromClaims({ groups: ['everyone', 'support'] }, rules)).toBe('operator');
  });

  it('falls back to the default role when nothing matches or no claim is configured', () => {
    expect(roleFromClaims({ groups: ['Support'] }, rules)).toBe('viewer');
    expect(roleFromClaims({}, { ...rules, defaultRole: 'operator' })).toBe('operator');
    expect(roleFromClaims({ groups: ['runboard-admins'] }, { ...rules, roleClaim: null })).toBe('viewer');
  });
});

describe('decideSsoUser', () => {
  it('lets anyone with an email in when no domain is configured, at the mapped role', () => {
    expect(decideSsoUser({ email: ' Ana@Example.com ', groups: ['support'] }, rules)).toEqual({
      allowed: true,
      email: 'ana@example.com',
      role: 'operator',
    });
  });

  it('refuses a profile without an email', () => {
    expect(decideSsoUser({ sub: '1' }, rules)).toEqual({ allowed: false, reason: 'the provider sent no email address' });
  });

  it('keeps other domains and unverified addresses out when domains are configured', () => {
    const limited = { ...rules, allowedDomains: ['example.com'] };
    expect(decideSsoUser({ email: 'bo@example.com' }, limited)).toMatchObject({ allowed: true, role: 'viewer' });
    expect(decideSsoUser({ email: 'bo@evil-example.com' }, limited)).toEqual({
      allowed: false,
      reason: 'evil-example.com is not an allowed domain for single sign-on',
    });
    // a subdomain is a different domain unless listed
    expect(decideSsoUser({ email: 'bo@eu.example.com' }, limited).allowed).toBe(false);
    expect(decideSsoUser({ email: 'bo@example.com', email_verified: false }, limited)).toEqual({
      allowed: false,
      reason: 'the provider has not verified bo@example.com',
    });
  });
});
