import type { Kysely } from 'kysely';

// Threads and runs seen through the proxy (the API can neither list threads nor find a run without its thread).
// `ifNotExists` because databases from before versioned migrations already hold these tables.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('threads_seen')
    .ifNotExists()
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('title_source', 'text')
    .addColumn('created_at', 'bigint')
    .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addColumn('last_run_id', 'text')
    .addColumn('last_run_status', 'text')
    .addColumn('last_run_created_at', 'bigint')
    .addPrimaryKeyConstraint('threads_seen_pk', ['connection_id', 'thread_id'])
    .execute();
  await db.schema.createIndex('threads_seen_recent').ifNotExists().on('threads_seen').columns(['connection_id', 'last_seen_at desc']).execute();
  await db.schema
    .createTable('runs_seen')
    .ifNotExists()
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('created_at', 'bigint')
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('runs_seen_pk', ['connection_id', 'run_id'])
    .execute();
  await db.schema.createIndex('runs_seen_thread').ifNotExists().on('runs_seen').columns(['connection_id', 'thread_id']).execute();
  await db.schema
    .createTable('store_meta')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('store_meta').ifExists().execute();
  await db.schema.dropTable('runs_seen').ifExists().execute();
  await db.schema.dropTable('threads_seen').ifExists().execute();
}
