import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Caller } from '@/lib/server/access';
import { recordSecurityEvent } from '@/lib/server/audit';
import { flushObservedAnswers, observeProxiedResponse } from '@/lib/server/observe';
import { createTestDatabase, pointStoreAt, type Engine } from '@/tests/support/engines';
import { callProxy, restoreEnv, setEnv } from '../proxy/support/harness';
import { okRun, startFaultUpstream, type FaultUpstream } from '../proxy/support/fault-upstream';

// The same scenario — proxied reads and mutations, a security event — run once on SQLite and once on PostgreSQL must
// leave the same rows in every table (times and random ids aside). Catches dialect drift in upserts, defaults and types.

let upstream: FaultUpstream;
beforeAll(async () => {
  upstream = await startFaultUpstream();
});
afterAll(async () => {
  restoreEnv();
  await upstream.close();
});

const admin: Caller = { kind: 'user', id: 'user_a', name: 'Ada', email: 'ada@example.com', role: 'admin', sessionId: 's1', address: '127.0.0.1', userAgent: 'ua' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIME_COLUMN = /(^|_)(at|at_ms|seen_at|timestamp|since)$|_at$|_ms$|At$/;
// better-auth's generated ids, token hashes and password hashes (the suite's signed-in user) differ on every run.
const RANDOM_COLUMN = /^(id|userId|accountId|referenceId|token|key|start|password|actor_id|actor_token_id|lastRequest)$/;

async function scenario(db: Kysely<any>): Promise<void> {
  setEnv({ OPENAI_BASE_URL: upstream.url, OPENAI_API_KEY: 'sk-same-rows-000000', RUNBOARD_LOG: 'off', RUNBOARD_UPSTREAM_RETRIES: '0', RUNBOARD_POLL_CACHE_MS: '0' });
  upstream.reset();
  const thread = { id: 'thread_same', object: 'thread', created_at: 1_700_000_000, metadata: { title: 'Refund — ACME' }, tool_resources: null };
  const runs = { object: 'list', data: [okRun('run_s2', 'failed'), okRun('run_s1', 'completed')].map((r, i) => ({ ...r, thread_id: 'thread_same', created_at: 1_700_000_100 - i })), first_id: 'run_s2', last_id: 'run_s1', has_more: false };
  upstream.script(
    { kind: 'json', status: 200, body: thread },
    { kind: 'json', status: 200, body: runs },
    { kind: 'json', status: 200, body: { ...okRun('run_s2', 'cancelling'), thread_id: 'thread_same' }, headers: { 'x-request-id': 'up_cancel' } },
    { kind: 'json', status: 400, body: { error: { message: 'Run is not waiting for tool outputs.', type: 'invalid_request_error', param: null, code: null } } },
  );
  const observed = (path: string) => callProxy('GET', path).then(async (r) => {
    await r.text();
  });
  await observed('/threads/thread_same');
  await observed('/threads/thread_same/runs');
  // Sightings are recorded after the answer is sent: wait for them so both engines see the same sequence.
  await flushObservedAnswers();
  expect(await db.selectFrom('runs_seen').selectAll().execute()).toHaveLength(2);
  await callProxy('POST', '/threads/thread_same/runs/run_s2/cancel', { headers: { 'x-runboard-reason': 'duplicate charge' } });
  await callProxy('POST', '/threads/thread_same/runs/run_s1/submit_tool_outputs', { body: { tool_outputs: [{ tool_call_id: 'call_1', output: 'x' }] } });
  observeProxiedResponse({ connectionId: 'default', endpointId: 'getThread', params: { thread_id: 'thread_gone' }, status: 200, body: { ...thread, id: 'thread_gone' } });
  observeProxiedResponse({ connectionId: 'default', endpointId: 'getThread', params: { thread_id: 'thread_gone' }, status: 404, body: { error: { message: 'gone' } } });
  await flushObservedAnswers();
  await recordSecurityEvent({ action: 'token.created', actor: admin, outcome: 'success', subject: { tokenId: 'tok_1' }, detail: { role: 'operator', days: 90 } });
}

function normalize(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (RANDOM_COLUMN.test(column) && !(typeof value === 'string' && UUID.test(value))) return 'RANDOM';
  if (value instanceof Date) return TIME_COLUMN.test(column) ? 'TIME' : value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (TIME_COLUMN.test(column) && (typeof value === 'number' || typeof value === 'string')) return 'TIME';
  if (typeof value === 'string' && UUID.test(value)) return 'UUID';
  if (typeof value === 'string' && /^req_rb_[0-9a-f]+$/.test(value)) return 'REQUEST_ID';
  return value;
}

async function dump(db: Kysely<any>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of await db.introspection.getTables()) {
    const rows = (await db.selectFrom(table.name).selectAll().execute()) as Array<Record<string, unknown>>;
    out[table.name] = rows
      .map((row) => JSON.stringify(Object.fromEntries(Object.keys(row).sort().map((k) => [k, normalize(k, row[k])]))))
      .sort();
  }
  return out;
}

async function runOn(engine: Engine) {
  const database = await createTestDatabase(engine);
  const { store, restore } = await pointStoreAt(database.options);
  try {
    await scenario(store.db);
    const tables = await store.db.introspection.getTables();
    const columns = Object.fromEntries(tables.map((t) => [t.name, t.columns.map((c) => c.name).sort()]));
    return { rows: await dump(store.db), columns };
  } finally {
    await restore();
    await database.drop();
  }
}

describe('same scenario, same rows on SQLite and PostgreSQL', () => {
  it('every table holds the same rows', async () => {
    const sqlite = await runOn('sqlite');
    const postgres = await runOn('postgres');
    expect(Object.keys(sqlite.rows).sort()).toEqual(Object.keys(postgres.rows).sort());
    expect(postgres.columns).toEqual(sqlite.columns);
    expect(postgres.rows).toEqual(sqlite.rows);
    // The scenario really wrote something in each of the store's tables.
    expect(sqlite.rows.audit_log).toHaveLength(3);
    // thread_gone stays in the index, marked gone (issue 11: never silently dropped).
    expect(sqlite.rows.threads_seen).toHaveLength(2);
    expect(sqlite.rows.threads_seen!.find((r) => r.includes('"thread_gone"'))).toContain('"gone_at":"TIME"');
    expect(sqlite.rows.index_terms!.join('\n')).toContain('"term":"refund — acme"');
    expect(sqlite.rows.runs_seen).toHaveLength(2);
    expect(sqlite.rows.audit_log!.join('\n')).toContain('"reason":"duplicate charge"');
  });
});
