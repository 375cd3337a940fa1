// bench:inbox's plumbing: the emulator and Runboard over HTTP, a Runboard server per phase (same database, chosen
// watch budget), and what the watcher did (its requests in the emulator's log carry req_rbw_ ids).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signIn, startNext, type NextServer } from './proxy-support';

export const QUEUED_RULE = 60;
const ADMIN = { email: 'bench@runboard.test', password: `bench-${randomBytes(12).toString('hex')}` };
const STUCK_RULES = {
  queued_seconds: QUEUED_RULE,
  in_progress_idle_seconds: 86_400,
  requires_action_seconds: 86_400,
  requires_action_expiry_margin_seconds: 0,
  cancelling_seconds: 86_400,
  ended_badly_window_seconds: 86_400,
  claim_ttl_seconds: 3_600,
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Ctx = { emulatorOrigin: string; upstreamUrl: string; apiKey: string; runboard: string; cookie: string; assistantId: string };
export type Base = Omit<Ctx, 'runboard' | 'cookie'>;

export async function emu<T>(ctx: Ctx, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ctx.emulatorOrigin}${p}`, {
    method,
    headers: { authorization: `Bearer ${ctx.apiKey}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function rb<T>(ctx: Ctx, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ctx.runboard}${p}`, {
    method,
    headers: { cookie: ctx.cookie, origin: ctx.runboard, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type WireRun = { id: string; thread_id: string };

export async function createRuns(ctx: Ctx, count: number, scenario: string, label: string): Promise<WireRun[]> {
  const runs: WireRun[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, j) =>
      emu<WireRun>(ctx, 'POST', '/v1/threads/runs', {
        assistant_id: ctx.assistantId,
        thread: { metadata: { title: `${label} ${i + j}` }, messages: [{ role: 'user', content: `${label} ${i + j}` }] },
        metadata: { scenario },
      }),
    );
    runs.push(...(await Promise.all(batch)));
  }
  for (let i = 0; i < runs.length; i += 1000) {
    await rb(ctx, 'POST', '/api/index/threads', { threads: runs.slice(i, i + 1000).map((r) => ({ id: r.thread_id })) });
  }
  return runs;
}

type Watcher = { watched_runs: number; state: string };

/** Waits until the watcher holds at least `count` active runs (it has fetched every registered thread). */
export async function waitWatched(ctx: Ctx, count: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  let lastLog = start;
  for (;;) {
    const inbox = await rb<{ watcher: Watcher }>(ctx, 'GET', '/api/inbox?limit=1');
    if (inbox.watcher.watched_runs >= count) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`the watcher holds ${inbox.watcher.watched_runs} of ${count} runs after ${Math.round(timeoutMs / 1000)} s`);
    if (Date.now() - lastLog > 30_000) {
      lastLog = Date.now();
      console.log(`  …the watcher holds ${inbox.watcher.watched_runs} of ${count} runs (${Math.round((Date.now() - start) / 1000)} s)`);
    }
    await sleep(1_000);
  }
}

type LoggedRequest = { path: string; received_at?: string | number; headers?: Record<string, string> };

/** The watcher's upstream requests (ids req_rbw_…) in the emulator's log since it was last cleared. */
export async function watcherRequestTimes(ctx: Ctx): Promise<number[]> {
  const log = await emu<{ data?: LoggedRequest[] } | LoggedRequest[]>(ctx, 'GET', '/__emulator/requests');
  const rows = Array.isArray(log) ? log : (log.data ?? []);
  return rows
    .filter((r) => r.path.startsWith('/v1/') && (r.headers?.['x-client-request-id'] ?? '').startsWith('req_rbw_') && r.received_at !== undefined)
    .map((r) => new Date(r.received_at!).getTime());
}

/** In the open inbox page: the wall-clock time (Date.now()) at which a row for `runId` was first painted. */
export async function paintedAt(page: Page, runId: string, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    (id) => {
      const w = window as unknown as { rowSeen?: Record<string, number> };
      w.rowSeen ??= {};
      if (w.rowSeen[id] === undefined && document.querySelector(`[data-testid="inbox-row"][data-run-id="${id}"]`)) {
        w.rowSeen[id] = -1;
        requestAnimationFrame(() => (w.rowSeen![id] = Date.now()));
      }
      return (w.rowSeen[id] ?? -1) > 0 ? w.rowSeen[id] : null;
    },
    runId,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

export type Deployment = { next: NextServer; ctx: Ctx; dataDir: string };

/** A Runboard server on `dataDir`'s database with the given watch budget, signed in, with the bench's stuck rules. */
export async function deploy(base: Base, distDir: string, dataDir: string, budget: string): Promise<Deployment> {
  const next = await startNext(distDir, {
    OPENAI_BASE_URL: base.upstreamUrl,
    OPENAI_API_KEY: base.apiKey,
    RUNBOARD_LOG: 'off',
    RUNBOARD_DB_FILE: path.join(dataDir, 'runboard.db'),
    RUNBOARD_ADMIN_EMAIL: ADMIN.email,
    RUNBOARD_ADMIN_PASSWORD: ADMIN.password,
    RUNBOARD_WATCH_BUDGET_RPS: budget,
  });
  try {
    const { cookie } = await signIn(next.url, ADMIN);
    const ctx: Ctx = { ...base, runboard: next.url, cookie };
    await rb(ctx, 'PUT', '/api/admin/stuck-rules', STUCK_RULES);
    return { next, ctx, dataDir };
  } catch (error) {
    await stopNext(next);
    throw error;
  }
}

/** Stops a server and waits for its process to exit (its watcher releases the lease; the next one takes over). */
export async function stopNext(next: NextServer): Promise<void> {
  next.stop();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    try {
      process.kill(next.pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
}
