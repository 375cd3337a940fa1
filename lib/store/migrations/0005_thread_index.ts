import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Issue 11's thread index and watcher state. The index extends the threads and runs seen (0001) rather than copying
// them: every sighting (proxy answers, lookups, pages) and every registered thread land in the same rows, so home's
// recent threads, the run-id lookup and the inbox read one source the watcher keeps fresh.
// - threads_seen gains what search needs (customer ref, labels, metadata, assistant), where a row came from
//   ('seen' | 'registered'), when the upstream was last asked, when it answered 404 (gone_at: marked, never dropped)
//   and when the watcher should next read its newest runs (watched and registered threads).
// - runs_seen gains the run as last read (JSON), since when it is in its state, its deadline and end, and the
//   watcher's schedule for it (next_check_at_ms; terminal runs are never scheduled).
// - index_terms: lowercased words and whole values (id, title, customer ref, metadata values) for prefix search
//   through an index on both engines ("C" collation on PostgreSQL so a range scan is a prefix scan).
// - thread_watches: who watches which thread. watcher_state: per connection, the pacing and back-off that must
//   survive a restart (no burst after it).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const threadColumns: Array<[string, string]> = [
    ['customer_ref', 'text'],
    ['labels', 'text'],
    ['metadata', 'text'],
    ['assistant_id', 'text'],
    ['source', 'text'],
    ['registered_at', 'bigint'],
    ['gone_at', 'bigint'],
    ['last_checked_at', 'bigint'],
    ['discover_at_ms', 'bigint'],
  ];
  for (const [name, type] of threadColumns) await db.schema.alterTable('threads_seen').addColumn(name, sql.raw(type)).execute();
  const runColumns: Array<[string, string]> = [
    ['assistant_id', 'text'],
    ['snapshot', 'text'],
    ['expires_at', 'bigint'],
    ['state_since', 'bigint'],
    ['state_since_lower_bound', 'integer'],
    ['ended_at', 'bigint'],
    ['steps_changed_at', 'bigint'],
    ['steps_signature', 'text'],
    ['steps_checked_at_ms', 'bigint'],
    ['checked_at_ms', 'bigint'],
    ['next_check_at_ms', 'bigint'],
  ];
  for (const [name, type] of runColumns) await db.schema.alterTable('runs_seen').addColumn(name, sql.raw(type)).execute();

  await db.schema.createIndex('threads_seen_status').on('threads_seen').columns(['connection_id', 'last_run_status', 'last_seen_at']).execute();
  await db.schema.createIndex('threads_seen_assistant').on('threads_seen').columns(['connection_id', 'assistant_id', 'last_seen_at']).execute();
  await db.schema.createIndex('threads_seen_discover').on('threads_seen').columns(['connection_id', 'discover_at_ms']).execute();
  // The watcher's queue: active runs by when they are next due (terminal runs have next_check_at_ms = NULL).
  await db.schema.createIndex('runs_seen_due').on('runs_seen').columns(['connection_id', 'next_check_at_ms', 'expires_at']).execute();
  await db.schema.createIndex('runs_seen_status').on('runs_seen').columns(['connection_id', 'status', 'ended_at']).execute();

  await db.schema
    .createTable('index_terms')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => (pg ? c.notNull().modifyFront(sql`collate "C"`) : c.notNull()))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_terms_pk', ['connection_id', 'term', 'thread_id', 'kind'])
    .execute();
  await db.schema.createIndex('index_terms_thread').on('index_terms').columns(['connection_id', 'thread_id']).execute();

  await db.schema
    .createTable('thread_watches')
    .addColumn('connection_id', 'text', (c) => c.notNull())
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_watches_pk', ['connection_id', 'thread_id', 'user_id'])
    .execute();
  await db.schema.createIndex('thread_watches_user').on('thread_watches').columns(['user_id', 'connection_id']).execute();

  await db.schema
    .createTable('watcher_state')
    .addColumn('connection_id', 'text', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('last_request_at_ms', 'bigint')
    .addColumn('retry_at_ms', 'bigint')
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_cycle_at_ms', 'bigint')
    .addColumn('clock_offset_ms', 'bigint')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('watcher_state').ifExists().execute();
  await db.schema.dropTable('thread_watches').ifExists().execute();
  await db.schema.dropTable('index_terms').ifExists().execute();
}
