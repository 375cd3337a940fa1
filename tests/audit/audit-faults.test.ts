import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store/db';
import { parseAuthEnv } from '@/lib/auth/env';
import { authFor } from '@/lib/auth/runtime';
// @ts-expect-error plain ESM script shared with `npm test`
import { startCluster } from '../../scripts/pg-cluster.mjs';
import { pointStoreAt } from '@/tests/support/engines';
import { callProxy, errorOf, restoreEnv, setEnv } from '../proxy/support/harness';
import { startTestEmulator, type EmulatorHandle } from '../proxy/support/emulator';

// When the audit log cannot be written, mutations are refused with a 503 that says why, and nothing is forwarded:
// an SQLite file the server may only read (signed-in reads still work), and a PostgreSQL server that stopped (then
// nobody can be identified: everything is 503) and came back.

let emulator: EmulatorHandle;
let assistantId: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  assistantId = (await emulator.call<{ data: Array<{ id: string }> }>('GET', '/assistants?limit=1')).data[0]!.id;
});
afterAll(async () => {
  restoreEnv();
  await emulator?.close();
});

async function stuckRun(): Promise<{ threadId: string; runId: string }> {
  const run = await emulator.call<{ id: string; thread_id: string }>('POST', '/threads/runs', { assistant_id: assistantId, metadata: { scenario: 'stuck_in_progress' } });
  return { threadId: run.thread_id, runId: run.id };
}

const forwardedCancels = async () => (await emulator.apiRequests()).filter((r) => r.method === 'POST' && r.path.endsWith('/cancel'));

describe('audit database failing', () => {
  it('a read-only SQLite file: reads still work, a cancel gets 503 naming the file and the cause, nothing is forwarded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runboard-readonly-'));
    const file = join(dir, 'runboard.db');
    try {
      // A signed-in operator, made while the file is still writable: reading a session needs no write.
      const store = await openStore({ sqliteFile: file });
      const auth = authFor(store, parseAuthEnv(), file).plain;
      await auth.api.createUser({ body: { email: 'op@example.com', password: 'fault-test password', name: 'Op', role: 'operator' } });
      const signIn = await auth.handler(
        new Request('http://localhost/api/auth/sign-in/email', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': '10.0.0.1' }, body: JSON.stringify({ email: 'op@example.com', password: 'fault-test password' }) }),
      );
      const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      await store.close();
      chmodSync(file, 0o444);
      chmodSync(dir, 0o777);
      const { threadId, runId } = await stuckRun();
      await emulator.clearRequests();
      const asRoot = process.getuid?.() === 0;
      // Asynchronously: the emulator it talks to runs in this process.
      const child = await promisify(execFile)('node_modules/.bin/tsx', ['--conditions=react-server', 'tests/audit/support/readonly-child.ts'], {
        encoding: 'utf8',
        timeout: 60_000,
        // Root may write any file, so the server side runs as `nobody` there, like a service account would.
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
        env: { ...process.env, HOME: dir, RUNBOARD_DB_FILE: file, DATABASE_URL: '', OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off', FAULT_THREAD_ID: threadId, FAULT_RUN_ID: runId, FAULT_COOKIE: cookie },
      });
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { read: number; cancel: number; body: { error: { message: string; code: string } } };
      expect(result.read).toBe(200);
      expect(result.cancel).toBe(503);
      expect(result.body.error.code).toBe('audit_unavailable');
      expect(result.body.error.message).toContain(`SQLite file ${file}`);
      expect(result.body.error.message).toMatch(/readonly database/);
      expect(await forwardedCancels()).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('PostgreSQL stopped: cancel gets 503 naming the server and the cause, nothing is forwarded; once it is back, cancel works', async () => {
    const cluster = (await startCluster()) as { url: string; port: number; halt: () => void; start: () => void; stop: () => void };
    const { store, restore } = await pointStoreAt({ databaseUrl: cluster.url });
    try {
      // Identities checked a moment ago are remembered for RUNBOARD_IDENTITY_CACHE_MS (README, Signing in); this test
      // is about what needs the database once that memory has run out, so it keeps none.
      setEnv({ OPENAI_BASE_URL: emulator.url, OPENAI_API_KEY: emulator.apiKey, RUNBOARD_LOG: 'off', DATABASE_URL: cluster.url, RUNBOARD_IDENTITY_CACHE_MS: '0' });
      const before = await stuckRun();
      expect((await callProxy('POST', `/threads/${before.threadId}/runs/${before.runId}/cancel`)).status).toBe(200);

      // A transaction in progress holds a connection between two statements when the server goes away: the
      // transaction fails, and the lost connection must not take the process down (an uncaught 'error' event would).
      let started!: () => void;
      const inTransaction = new Promise<void>((resolve) => (started = resolve));
      let resume!: () => void;
      const halted = new Promise<void>((resolve) => (resume = resolve));
      const held = store.db
        .transaction()
        .execute(async (trx) => {
          await trx.selectFrom('audit_log').select('id').limit(1).execute();
          started();
          await halted;
          await trx.selectFrom('audit_log').select('id').limit(1).execute();
        })
        .then(() => 'committed', () => 'failed');
      await inTransaction;
      cluster.halt();
      resume();
      expect(await held).toBe('failed');
      const during = await stuckRun();
      await emulator.clearRequests();
      const refused = await callProxy('POST', `/threads/${during.threadId}/runs/${during.runId}/cancel`, { headers: { 'x-runboard-reason': 'while down' } });
      expect(refused.status).toBe(503);
      const error = await errorOf(refused);
      // Identifying the caller is the first thing that needs the database.
      expect(error.code).toBe('auth_unavailable');
      expect(error.message).toContain(`PostgreSQL at 127.0.0.1:${cluster.port}/postgres`);
      expect(error.message).toMatch(/ECONNREFUSED|terminat|shut ?down|timeout/i);
      expect(await forwardedCancels()).toEqual([]);
      // Sessions and tokens live in the same database: while it is down nobody can be identified, so reads are
      // refused too (503, never let through unchecked).
      const read = await callProxy('GET', `/threads/${during.threadId}/runs/${during.runId}`);
      expect(read.status).toBe(503);
      expect((await errorOf(read)).code).toBe('auth_unavailable');

      cluster.start();
      expect((await callProxy('POST', `/threads/${during.threadId}/runs/${during.runId}/cancel`)).status).toBe(200);
      expect(await forwardedCancels()).toHaveLength(1);
    } finally {
      await restore();
      cluster.stop();
    }
  });
});
