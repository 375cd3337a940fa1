import type { Kysely } from 'kysely';

// Issue 11's inbox: claims on runs (one owner per run; expired claims are ignored, then replaced), notes on a run or
// a thread, and Runboard's settings (the stuck rules), stored as JSON per key.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('run_claims')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('claimed_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('expires_at_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_claims_pk', ['connection_id', 'run_id'])
    .execute();
  await db.schema.createIndex('run_claims_user').on('run_claims').columns(['connection_id', 'user_id']).execute();

  await db.schema
    .createTable('notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('edited_at_ms', 'bigint')
    .execute();
  await db.schema.createIndex('notes_thread').on('notes').columns(['connection_id', 'thread_id', 'created_at_ms']).execute();
  await db.schema.createIndex('notes_run').on('notes').columns(['connection_id', 'run_id', 'created_at_ms']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').ifExists().execute();
  await db.schema.dropTable('notes').ifExists().execute();
  await db.schema.dropTable('run_claims').ifExists().execute();
}
