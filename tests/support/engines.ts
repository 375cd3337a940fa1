import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { closeStore, getStore, type Store, type StoreOptions } from '@/lib/store/db';

// Runs a suite on both database engines, each with a fresh database: SQLite in a temp file, PostgreSQL as a new
// database on the server at TEST_DATABASE_URL (see postgres-global-setup.ts), dropped afterwards. During the suite
// that database is also the process-wide store (DATABASE_URL / RUNBOARD_DB_FILE point at it), so code under test
// that calls getStore() — the audit seam, the proxy, sign-in — writes where the test reads.

export type Engine = 'sqlite' | 'postgres';
export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL?.trim() || inject('testDatabaseUrl');
  if (!url) throw new Error('TEST_DATABASE_URL is not set (run through `npm test` or vitest with its global setup).');
  return url;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { engine: Engine; options: StoreOptions; drop: () => Promise<void> };

/** A new, empty database (not yet migrated): a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (engine === 'sqlite') {
    const file = join(tmpdir(), `runboard-test-${suffix}.db`);
    return { engine, options: { sqliteFile: file }, drop: async () => { for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true }); } };
  }
  const name = `runboard_test_${suffix}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${name}`;
  return { engine, options: { databaseUrl: url.toString() }, drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) };
}

/** Points getStore() at a database for the rest of the suite; returns how to undo it. */
export async function pointStoreAt(options: StoreOptions): Promise<{ store: Store; restore: () => Promise<void> }> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, RUNBOARD_DB_FILE: process.env.RUNBOARD_DB_FILE };
  await closeStore();
  // The proxy skips writing a run sighting it wrote seconds ago; that memory belongs to the database being replaced
  // (a seeded emulator gives the next engine's suite the same run ids).
  (await import('@/lib/server/observe')).forgetRecentSightings();
  if (options.databaseUrl) process.env.DATABASE_URL = options.databaseUrl;
  else delete process.env.DATABASE_URL;
  if (options.sqliteFile) process.env.RUNBOARD_DB_FILE = options.sqliteFile;
  const store = await getStore();
  return {
    store,
    restore: async () => {
      await closeStore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}

/** Describes `name [sqlite]` and `name [postgres]`, each with its own freshly migrated store for the whole suite. */
export function forEachEngine(name: string, body: (getStore: () => Store, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      let current: Awaited<ReturnType<typeof pointStoreAt>> | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
        current = await pointStoreAt(database.options);
      });
      afterAll(async () => {
        await current?.restore();
        await database?.drop();
      });
      body(() => {
        if (!current) throw new Error(`the ${engine} test store is not open yet (use it inside a test or hook)`);
        return current.store;
      }, engine);
    });
  }
}
