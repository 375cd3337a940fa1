import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const dbFile = join(mkdtempSync(join(tmpdir(), 'rb-cli-')), 'db.sqlite');
process.env.RUNBOARD_DB_FILE = dbFile;

// The first case goes through `npm run runboard` (the script wiring); the rest call the same tsx command directly.
async function cli(via: 'npm' | 'tsx', ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [command, prefix] =
    via === 'npm' ? ['npm', ['run', '-s', 'runboard', '--']] : ['node_modules/.bin/tsx', ['--conditions=react-server', 'scripts/runboard.ts']];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, [...prefix, ...args], {
      env: { ...process.env, RUNBOARD_DB_FILE: dbFile },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run runboard -- token create', () => {
  beforeAll(async () => {
    const { getAuthPair } = await import('@/lib/auth/runtime');
    const auth = (await getAuthPair()).plain;
    await auth.api.createUser({ body: { email: 'bot@example.com', name: 'Bot', password: 'bot-password-123', role: 'operator' as never } });
  });

  it('prints a working token for an existing user, alone on stdout, at the user role by default', async () => {
    const run = await cli('npm', 'token', 'create', '--email', 'BOT@example.com', '--name', 'nightly', '--days', '30');
    expect(run.code).toBe(0);
    const secret = run.stdout.trim();
    expect(secret).toMatch(/^rb_[A-Za-z]{64}$/);
    expect(run.stderr).toContain(`Created token "nightly" for bot@example.com (role operator`);
    expect(run.stderr).toContain(`ends …${secret.slice(-4)}`);
    expect(run.stderr).not.toContain(secret);
    const { listTokens } = await import('@/lib/auth/tokens');
    const { getAuthPair } = await import('@/lib/auth/runtime');
    const { resolveIdentity } = await import('@/lib/auth/session');
    const identity = await resolveIdentity(await getAuthPair(), new Headers({ authorization: `Bearer ${secret}` }), null);
    expect(identity).toMatchObject({ kind: 'token', role: 'operator', tokenName: 'nightly' });
    const [token] = (await listTokens({ page: 1, pageSize: 10 })).data;
    expect(token!.expires_at! - token!.created_at).toBe(30 * 86_400);
    // The audit log says a token was made from the command line, for whom, and never holds the secret.
    const { getStore } = await import('@/lib/store/db');
    const { listAuditRecords } = await import('@/lib/store/audit-log');
    const { rows } = await listAuditRecords((await getStore()).db, { action: ['token.created'] }, { limit: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ category: 'security', outcome: 'success', actor_id: null, user_agent: 'runboard-cli' });
    expect(JSON.parse(rows[0]!.subject!)).toMatchObject({ tokenId: token!.id, email: 'bot@example.com' });
    expect(JSON.stringify(rows[0])).not.toContain(secret);
  });

  it('refuses a role above the user, an unknown user and bad arguments, with a clear message and no token', async () => {
    const higher = await cli('tsx', 'token', 'create', '--email', 'bot@example.com', '--name', 'x', '--role', 'admin');
    expect(higher).toMatchObject({ code: 1, stdout: '' });
    expect(higher.stderr).toContain('A token cannot have a higher role than its owner: bot@example.com is operator.');
    const unknown = await cli('tsx', 'token', 'create', '--email', 'ghost@example.com', '--name', 'x');
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toContain('No user with the email ghost@example.com.');
    const bad = await cli('tsx', 'token', 'create', '--email', 'bot@example.com', '--name', 'x', '--days', '400');
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('--days must be at most 365 days (one year).');
  });
});
