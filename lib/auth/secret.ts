import 'server-only';
import { readFileSync, writeFileSync, mkdirSync, chmodSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateRandomString } from 'better-auth/crypto';

// RUNBOARD_SECRET signs session cookies and encrypts what better-auth stores encrypted. With PostgreSQL every instance
// must share it, so it is required there (lib/auth/env.ts); with the embedded SQLite file one is generated once into
// the same folder, readable by the owner only, and reused at every start.

export const SECRET_FILE_NAME = 'runboard.secret';

const holder = globalThis as typeof globalThis & { runboardEphemeralSecret?: string };

export function secretFileFor(sqliteFile: string): string {
  return join(dirname(resolve(/*turbopackIgnore: true*/ sqliteFile)), SECRET_FILE_NAME);
}

/** The configured secret, else the one kept next to the SQLite file (created on first use with mode 0600). */
export function resolveSecret(configured: string | undefined, sqliteFile: string): string {
  if (configured) return configured;
  // An in-memory database (tests) lives as long as the process; so does its secret.
  if (sqliteFile === ':memory:') return (holder.runboardEphemeralSecret ??= generateRandomString(48));
  const file = secretFileFor(sqliteFile);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
      return existing;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = generateRandomString(48);
  try {
    // 'wx': two processes starting at once must not overwrite each other's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
