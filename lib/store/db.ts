import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type MigrationResultSet } from 'kysely';
import { Pool, types } from 'pg';
import { migrations } from './migrations';
import type { Database } from './schema';

// Runboard's database: embedded SQLite (better-sqlite3) by default, PostgreSQL when DATABASE_URL=postgres://… is set
// (a team with several instances). Kysely speaks both, so queries are written once. The schema comes from one
// ordered set of migrations (./migrations), applied when the store opens and by `npm run db:migrate`.
// Lazy singleton on globalThis: Next evaluates route bundles as separate module instances that share globalThis,
// and dev reloads must not open a second handle on the same file or a second pool.

export type Dialect = 'sqlite' | 'postgres';
export type Store = { db: Kysely<Database>; dialect: Dialect; close(): Promise<void> };
export type StoreOptions = { databaseUrl?: string; sqliteFile?: string };

export class StoreConfigError extends Error {}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/** bigint columns (unix-ms times, COUNT(*)) come back as JS numbers instead of strings; every value we store is < 2^53. */
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === PG_INT8 || oid === PG_NUMERIC ? (value: string) => Number(value) : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
};

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

function openPostgres(databaseUrl: string): Store {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 10,
    // A stopped or unreachable server must fail a request within seconds, not hang it.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: pgTypes,
  });
  // A client losing its server (restart, failover) emits 'error': on the pool while idle, on the client itself while
  // checked out (between two statements of a transaction). Unhandled, either would kill the process; the statement
  // in progress fails on its own (and the audit seam answers 503).
  const lost = (error: Error) => console.warn(`[runboard] database connection lost: ${error.message}`);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

function openSqlite(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`database migration ${failed ?? ''} failed: ${cause}`.replace('  ', ' '), { cause: result.error });
  }
  return result;
}

/** Connects without migrating (`npm run db:migrate` reports what it applies). */
export function connectStore(opts: StoreOptions): Store {
  const url = opts.databaseUrl?.trim();
  if (url && !isPostgresUrl(url)) throw new StoreConfigError('DATABASE_URL must start with postgres:// or postgresql:// (unset it to use the embedded SQLite file).');
  return url ? openPostgres(url) : openSqlite(opts.sqliteFile?.trim() || defaultSqliteFile());
}

/** Opens a database (creating an SQLite file if needed) and brings its schema up to date. ':memory:' works for tests. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = connectStore(opts);
  try {
    await migrateToLatest(store.db);
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}

export function defaultSqliteFile(): string {
  return process.env.RUNBOARD_DB_FILE?.trim() || 'data/runboard.db';
}

/** Where the process-wide store lives, from the environment (DATABASE_URL wins over RUNBOARD_DB_FILE). */
export function storeOptionsFromEnv(): StoreOptions {
  const databaseUrl = process.env.DATABASE_URL?.trim();
  return databaseUrl ? { databaseUrl } : { sqliteFile: defaultSqliteFile() };
}

/** What a store connects to, without credentials (for messages and logs). */
export function describeStore(opts: StoreOptions): string {
  if (!opts.databaseUrl) return `SQLite file ${opts.sqliteFile}`;
  try {
    const u = new URL(opts.databaseUrl);
    return `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

type Holder = { key: string; store: Promise<Store> };
const holder = globalThis as typeof globalThis & { runboardStore?: Holder };

/** The process-wide store, opened and migrated on first use. A failed open is retried on the next call. */
export function getStore(): Promise<Store> {
  const opts = storeOptionsFromEnv();
  const key = JSON.stringify(opts);
  const current = holder.runboardStore;
  if (current && current.key === key) return current.store;
  if (current) void current.store.then((s) => s.close()).catch(() => {});
  const store = openStore(opts);
  const entry: Holder = { key, store };
  holder.runboardStore = entry;
  store.catch(() => {
    if (holder.runboardStore === entry) holder.runboardStore = undefined;
  });
  return store;
}

/** Closes the process-wide store (tests, shutdown). */
export async function closeStore(): Promise<void> {
  const current = holder.runboardStore;
  holder.runboardStore = undefined;
  if (current) await (await current.store.catch(() => null))?.close();
}
