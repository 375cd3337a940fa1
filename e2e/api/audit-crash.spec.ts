import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { expect, test } from '@playwright/test';
import { startEmulatorServer, type EmulatorServer } from '../../lib/emulator/server';
// @ts-expect-error plain ESM script shared with `npm test`
import { startCluster } from '../../scripts/pg-cluster.mjs';
import { startHeldRelay, type HeldRelay } from '../support/held-relay';
import { startNextServer, type NextServer } from '../support/processes';

// The server is killed (SIGKILL) during a burst of 200 concurrent cancels and tool-output submissions. Every
// mutation that reached the emulator must have its intent in the audit log — the intent is written before
// forwarding — and those whose answer never came back read "outcome unknown" once the server is up again.
// A relay holds the emulator's answers so the kill lands while every forwarded request is still in flight.

const API_KEY = 'sk-crash-test-0123456789';
const DIST = process.env.E2E_DIST_DIR || '.next-e2e';
const BURST = 100; // cancels, and as many tool-output submissions

type Database = { env: Record<string, string>; drop: () => Promise<void> };

async function sqliteDatabase(): Promise<Database> {
  const dir = mkdtempSync(path.join(tmpdir(), 'runboard-crash-'));
  return { env: { RUNBOARD_DB_FILE: path.join(dir, 'runboard.db'), DATABASE_URL: '' }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function postgresDatabase(): Promise<Database> {
  let cluster: { url: string; stop: () => void } | null = null;
  const serverUrl = process.env.TEST_DATABASE_URL?.trim() || (cluster = await startCluster()).url;
  const name = `runboard_crash_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      cluster?.stop();
    },
  };
}

async function emulatorCall<T>(emulator: EmulatorServer, method: string, pathname: string, body?: unknown): Promise<T> {
  const res = await fetch(`${emulator.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status}`);
  return (await res.json()) as T;
}

type Target = { url: string; body?: unknown };

/** BURST stuck runs to cancel and BURST runs waiting on tool outputs, each on its own thread. */
async function prepareTargets(emulator: EmulatorServer): Promise<Target[]> {
  const assistant = (await emulatorCall<{ data: Array<{ id: string }> }>(emulator, 'GET', '/assistants?limit=1')).data[0]!.id;
  const create = (scenario: string) => emulatorCall<{ id: string; thread_id: string }>(emulator, 'POST', '/threads/runs', { assistant_id: assistant, metadata: { scenario } });
  const stuck = await Promise.all(Array.from({ length: BURST }, () => create('stuck_in_progress')));
  const waiting = await Promise.all(Array.from({ length: BURST }, () => create('expire')));
  await fetch(new URL('/__emulator/clock', emulator.url), { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ advance_seconds: 5 }) });
  const targets: Target[] = stuck.map((r) => ({ url: `/api/v1/threads/${r.thread_id}/runs/${r.id}/cancel` }));
  for (const r of waiting) {
    const run = await emulatorCall<{ required_action: { submit_tool_outputs: { tool_calls: Array<{ id: string }> } } }>(emulator, 'GET', `/threads/${r.thread_id}/runs/${r.id}`);
    const outputs = run.required_action.submit_tool_outputs.tool_calls.map((c) => ({ tool_call_id: c.id, output: 'approved' }));
    targets.push({ url: `/api/v1/threads/${r.thread_id}/runs/${r.id}/submit_tool_outputs`, body: { tool_outputs: outputs } });
  }
  // Interleave the two kinds so the burst mixes them.
  return targets.map((_, i) => targets[(i % 2) * BURST + Math.floor(i / 2)]!);
}

type Logged = { method: string; path: string; headers: Record<string, string> };

async function forwardedMutations(emulator: EmulatorServer): Promise<Logged[]> {
  const res = await fetch(new URL('/__emulator/requests', emulator.url), { headers: { authorization: `Bearer ${API_KEY}` } });
  const body = (await res.json()) as { data?: Logged[] } | Logged[];
  const all = Array.isArray(body) ? body : (body.data ?? []);
  return all.filter((r) => r.method === 'POST' && /\/(cancel|submit_tool_outputs)$/.test(r.path));
}

// The burst is sent by a signed-in admin (created from the environment at first start, the same on the restart).
const ADMIN = { RUNBOARD_ADMIN_EMAIL: 'crash@runboard.test', RUNBOARD_ADMIN_PASSWORD: 'crash-test admin password', RUNBOARD_SECRET: 'crash-test-secret-0123456789-0123456789' };

async function signIn(server: NextServer): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: ADMIN.RUNBOARD_ADMIN_EMAIL, password: ADMIN.RUNBOARD_ADMIN_PASSWORD }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function auditRecords(server: NextServer, cookie: string): Promise<Array<{ request_id: string; outcome: string; action: string; reason: string | null }>> {
  const out: Array<{ request_id: string; outcome: string; action: string; reason: string | null }> = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${server.url}/api/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: typeof out; next_cursor: string | null };
    out.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

for (const engine of ['sqlite', 'postgres'] as const) {
  test(`[${engine}] killed during a burst of ${2 * BURST} mutations: no forwarded mutation without its intent record`, async () => {
    test.setTimeout(240_000);
    const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', apiKey: API_KEY, speed: 0 });
    const database = engine === 'sqlite' ? await sqliteDatabase() : await postgresDatabase();
    let relay: HeldRelay | null = null;
    let server: NextServer | null = null;
    try {
      const targets = await prepareTargets(emulator);
      relay = await startHeldRelay(emulator.url);
      server = await startNextServer(DIST, { ...database.env, ...ADMIN, OPENAI_BASE_URL: relay.url, OPENAI_API_KEY: API_KEY, RUNBOARD_LOG: 'off', RUNBOARD_UPSTREAM_TIMEOUT_MS: '120000' });
      const cookie = await signIn(server);
      await fetch(new URL('/__emulator/requests', emulator.url), { method: 'DELETE', headers: { authorization: `Bearer ${API_KEY}` } });

      const burst = targets.map((t, i) =>
        fetch(`${server!.url}${t.url}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-runboard-reason': `burst ${i}`, cookie },
          body: t.body === undefined ? undefined : JSON.stringify(t.body),
        }).then((r) => r.status, () => 'connection lost' as const),
      );
      // Kill once most of the burst has been forwarded (every answer is still held by the relay).
      await expect.poll(async () => (await forwardedMutations(emulator)).length, { timeout: 120_000 }).toBeGreaterThanOrEqual(BURST);
      process.kill(-server.process.child.pid!, 'SIGKILL');
      const answered = (await Promise.all(burst)).filter((s) => s !== 'connection lost');
      relay.release();
      expect(answered, 'the kill landed while the answers were held').toEqual([]);

      const forwarded = await forwardedMutations(emulator);
      const ids = forwarded.map((r) => r.headers['x-client-request-id']);
      expect(ids.every((id) => typeof id === 'string' && id.startsWith('req_rb_'))).toBe(true);

      // The same database after a restart: WAL recovery (SQLite) or a new pool (PostgreSQL), then the log.
      server = await startNextServer(DIST, { ...database.env, ...ADMIN, OPENAI_BASE_URL: `${emulator.url}`, OPENAI_API_KEY: API_KEY, RUNBOARD_LOG: 'off' });
      const records = await auditRecords(server, cookie);
      const byRequest = new Map(records.map((r) => [r.request_id, r]));
      const missing = ids.filter((id) => !byRequest.has(id!));
      expect(missing, `${missing.length} of ${ids.length} forwarded mutations have no intent record`).toEqual([]);
      for (const id of ids) expect(byRequest.get(id!)).toMatchObject({ outcome: 'unknown', reason: expect.stringMatching(/^burst \d+$/) });
      expect(new Set(forwarded.map((r) => r.path.split('/').at(-1)))).toEqual(new Set(['cancel', 'submit_tool_outputs']));
      console.log(`[${engine}] ${ids.length} of ${2 * BURST} mutations forwarded before the kill; ${records.length} intent records, all forwarded ones present, outcome unknown`);
    } finally {
      await server?.process.stop();
      await relay?.close();
      await emulator.close();
      await database.drop();
    }
  });
}
