import 'server-only';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

// Runboard's own small database (SQLite via better-sqlite3). Today it remembers the threads and runs seen through
// the proxy, because the Assistants API cannot list threads nor find a run without its thread (§14.1–2).
// Lazy singleton on globalThis: Next evaluates route bundles as separate module instances that share globalThis,
// and dev reloads must not open a second handle on the same file.

export type Db = Database.Database;

const MIGRATIONS: string[] = [
  `CREATE TABLE IF NOT EXISTS threads_seen (
     connection_id TEXT NOT NULL,
     thread_id TEXT NOT NULL,
     title TEXT,
     title_source TEXT,
     created_at INTEGER,
     first_seen_at INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     last_run_id TEXT,
     last_run_status TEXT,
     last_run_created_at INTEGER,
     PRIMARY KEY (connection_id, thread_id)
   )`,
  `CREATE INDEX IF NOT EXISTS threads_seen_recent ON threads_seen (connection_id, last_seen_at DESC)`,
  `CREATE TABLE IF NOT EXISTS runs_seen (
     connection_id TEXT NOT NULL,
     run_id TEXT NOT NULL,
     thread_id TEXT NOT NULL,
     status TEXT,
     created_at INTEGER,
     seen_at INTEGER NOT NULL,
     PRIMARY KEY (connection_id, run_id)
   )`,
  `CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
];

/** Opens (creating if needed) a database file and brings its schema up to date. ':memory:' works for tests. */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  for (const sql of MIGRATIONS) db.exec(sql);
  return db;
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** Prepares each SQL text once per database: the recorder runs on every proxied answer, so re-preparing showed up in profiles. */
export function prepared(db: Db, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const holder = globalThis as typeof globalThis & { runboardStoreDb?: { file: string; db: Db } };

export function dbFile(): string {
  return process.env.RUNBOARD_DB_FILE?.trim() || 'data/runboard.db';
}

/** The process-wide database, opened on first use. */
export function getDb(): Db {
  const file = dbFile();
  if (holder.runboardStoreDb && holder.runboardStoreDb.file === file) return holder.runboardStoreDb.db;
  holder.runboardStoreDb?.db.close();
  holder.runboardStoreDb = { file, db: openDb(file) };
  return holder.runboardStoreDb.db;
}

// ---- TEMPORARY (W4, until the Kysely store from i8-store is merged; replaced by it) ----
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
const PgPool = pg.Pool;
import * as m0003 from './migrations/0003_auth';

export type Dialect = 'sqlite' | 'postgres';
export type Store = { db: Kysely<any>; dialect: Dialect; close(): Promise<void> };

export async function openStore(opts: { databaseUrl?: string; sqliteFile?: string }): Promise<Store> {
  const store: Store = opts.databaseUrl
    ? (() => {
        const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new PgPool({ connectionString: opts.databaseUrl }) }) });
        return { db, dialect: 'postgres' as const, close: () => db.destroy() };
      })()
    : (() => {
        const file = opts.sqliteFile ?? dbFile();
        if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
        const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database(file) }) });
        return { db, dialect: 'sqlite' as const, close: () => db.destroy() };
      })();
  const result = await new Migrator({ db: store.db, provider: { getMigrations: async () => ({ '0003_auth': m0003 }) } }).migrateToLatest();
  if (result.error) throw result.error;
  return store;
}

export function defaultSqliteFile(): string {
  return dbFile();
}

const storeHolder = globalThis as typeof globalThis & { runboardStoreTemp?: { key: string; store: Promise<Store> } };
export function getStore(): Promise<Store> {
  const key = process.env.DATABASE_URL?.trim() || dbFile();
  if (storeHolder.runboardStoreTemp?.key === key) return storeHolder.runboardStoreTemp.store;
  const store = openStore(process.env.DATABASE_URL?.trim() ? { databaseUrl: process.env.DATABASE_URL.trim() } : { sqliteFile: dbFile() });
  storeHolder.runboardStoreTemp = { key, store };
  return store;
}
