import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@/lib/upstream/config';
import { parseAuthEnv } from './env';
import { resolveSecret, secretFileFor } from './secret';

const problemsOf = (env: Record<string, string>) => {
  try {
    parseAuthEnv(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
};

describe('sign-in settings', () => {
  it('defaults: no secret (generated), loopback only, 12 h idle, 7 days at most', () => {
    expect(parseAuthEnv({})).toEqual({ secret: undefined, publicUrl: undefined, trustProxy: false, idleSeconds: 43_200, absoluteSeconds: 604_800, bootstrapAdmin: null });
  });

  it('RUNBOARD_SECRET is required with DATABASE_URL, and never echoed when wrong', () => {
    expect(problemsOf({ DATABASE_URL: 'postgres://u:p@db/runboard' })).toEqual([expect.stringContaining('RUNBOARD_SECRET is required with DATABASE_URL')]);
    const short = problemsOf({ RUNBOARD_SECRET: 'tooshort-secret-value' });
    expect(short).toEqual([expect.stringContaining('RUNBOARD_SECRET must be at least 32 characters')]);
    expect(short.join()).not.toContain('tooshort-secret-value');
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({ RUNBOARD_PUBLIC_URL: 'runboard.example.com', RUNBOARD_TRUST_PROXY: 'maybe', RUNBOARD_SESSION_IDLE_HOURS: '0', RUNBOARD_ADMIN_EMAIL: 'a@example.com' });
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['RUNBOARD_PUBLIC_URL', 'RUNBOARD_TRUST_PROXY', 'RUNBOARD_SESSION_IDLE_HOURS', 'RUNBOARD_ADMIN_EMAIL']);
    expect(problemsOf({ RUNBOARD_PUBLIC_URL: 'https://runboard.example.com/app' })).toEqual([expect.stringContaining('must be an origin only')]);
  });

  it('reads the public origin, the proxy flag and the first admin', () => {
    const env = parseAuthEnv({ RUNBOARD_PUBLIC_URL: 'https://Runboard.Example.com/', RUNBOARD_TRUST_PROXY: '1', RUNBOARD_ADMIN_EMAIL: 'Root@Example.com', RUNBOARD_ADMIN_PASSWORD: 'a long admin password' });
    expect(env).toMatchObject({ publicUrl: 'https://runboard.example.com', trustProxy: true, bootstrapAdmin: { email: 'root@example.com', password: 'a long admin password' } });
  });
});

describe('generated secret', () => {
  it('is created once next to the SQLite file, owner-only, and reused', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'runboard-secret-')), 'runboard.db');
    const first = resolveSecret(undefined, db);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(secretFileFor(db)).mode & 0o777).toBe(0o600);
    expect(resolveSecret(undefined, db)).toBe(first);
    expect(readFileSync(secretFileFor(db), 'utf8').trim()).toBe(first);
    expect(resolveSecret('a configured secret that is long enough!!', db)).toBe('a configured secret that is long enough!!');
  });
});
