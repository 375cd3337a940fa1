import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '@/scripts/cli/args';

const usage = (argv: string[]) => {
  try {
    parseCli(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a usage error');
};

describe('parseCli', () => {
  it('shows help without arguments or with --help', () => {
    expect(parseCli([])).toEqual({ kind: 'help' });
    expect(parseCli(['token', 'create', '--help'])).toEqual({ kind: 'help' });
  });

  it('reads token create with defaults: the user role (null until looked up) and 90 days', () => {
    expect(parseCli(['token', 'create', '--email', ' Ana@Example.com', '--name', 'nightly export'])).toEqual({
      kind: 'token.create',
      email: 'ana@example.com',
      name: 'nightly export',
      role: null,
      days: 90,
    });
    expect(parseCli(['token', 'create', '--email=a@b.co', '--name=x', '--role', 'Operator', '--days', '365'])).toMatchObject({ role: 'operator', days: 365 });
  });

  it('explains every mistake', () => {
    expect(usage(['user', 'add'])).toBe('Unknown command "user add". The one command is "token create".');
    expect(usage(['token', 'create', '--name', 'x'])).toBe('Missing --email.');
    expect(usage(['token', 'create'])).toBe('Missing --email and --name.');
    expect(usage(['token', 'create', '--email', 'a@b.co', '--name', 'x', '--role', 'owner'])).toBe('--role must be viewer, operator or admin (got "owner").');
    expect(usage(['token', 'create', '--email', 'a@b.co', '--name', 'x', '--days', '366'])).toBe('--days must be at most 365 days (one year).');
    expect(usage(['token', 'create', '--email', 'a@b.co', '--name', 'x', '--days', '0'])).toBe('--days must be at least 1 day.');
    expect(usage(['token', 'create', '--email', 'a@b.co', '--name', 'x', '--days', '1.5'])).toBe('--days must be a whole number of days (got "1.5").');
    expect(usage(['token', 'create', '--email', 'a@b.co', '--name', 'x'.repeat(65)])).toBe('--name must be at most 64 characters.');
    expect(usage(['token', 'create', '--email', 'a@b.co', '--name', 'x', '--colour', 'red'])).toMatch(/^Unknown option '--colour'/);
  });
});
