import type { Kysely } from 'kysely';

// The audit log: append-only (the outcome is appended to a mutation's intent; retention deletes old rows).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_email', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('actor_token_id', 'text')
    .addColumn('connection_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('run_id', 'text')
    .addColumn('step_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('request_id', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_status', 'integer')
    .addColumn('outcome_at_ms', 'bigint')
    .addColumn('upstream_request_id', 'text')
    .addColumn('address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('subject', 'text')
    .addColumn('detail', 'text')
    .execute();
  // Newest-first pages (the cursor is at_ms + id), and the filters the /audit page and the history panels use.
  await db.schema.createIndex('audit_log_time').on('audit_log').columns(['at_ms desc', 'id desc']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at_ms desc']).execute();
  await db.schema.createIndex('audit_log_run').on('audit_log').columns(['run_id', 'at_ms desc']).execute();
  await db.schema.createIndex('audit_log_thread').on('audit_log').columns(['thread_id', 'at_ms desc']).execute();
  await db.schema.createIndex('audit_log_request').on('audit_log').column('request_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
}
