import { describe, expect, it } from 'vitest';
import { can, roleAtLeast, whoCan } from './roles';

describe('can', () => {
  it.each([
    ['viewer', 'operate', false],
    ['viewer', 'admin', false],
    ['operator', 'operate', true],
    ['operator', 'admin', false],
    ['admin', 'operate', true],
    ['admin', 'admin', true],
  ] as const)('%s may %s: %s', (role, ability, expected) => {
    expect(can({ role }, ability)).toBe(expected);
  });

  it('offers nothing to a signed-out visitor', () => {
    expect(can(null, 'operate')).toBe(false);
    expect(can(undefined, 'admin')).toBe(false);
    expect(roleAtLeast(null, 'viewer')).toBe(false);
  });

  it('says who can do what a role may not', () => {
    expect(whoCan('operate', 'cancel runs')).toBe('Operators can cancel runs.');
    expect(whoCan('admin', 'manage users')).toBe('Admins can manage users.');
  });
});
