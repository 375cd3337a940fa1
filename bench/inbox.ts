// npm run bench:inbox — the stuck-run inbox as a support engineer sees it, in headless Chromium over the emulator:
//  - detection latency: N active runs are indexed (registered through POST /api/index/threads, never opened), an
//    inbox is open in a browser; a target run (queued, seen by the watcher) is pushed past its stuck threshold by
//    moving the emulator clock, and the time from that move to its row painted in the open inbox is measured
//    (BENCH_ROUNDS targets per size, median), at N = 200 and N = 2,000;
//  - the upstream requests per second the watcher used meanwhile (the emulator's request log, /v1 only);
//  - the inbox's first paint (navigation start → first row painted, cold context) next to a bare Next.js page
//    (navigation start → its post-hydration marker), alternating, as a ratio.
// The background runs are `stuck_in_progress` with the idle rule set to a day, so they are active but not stuck; the
// queued rule is 60 s. The watch budget is RUNBOARD_WATCH_BUDGET_RPS (default here 2, the deployment default).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startEmulatorServer } from '../lib/emulator/server';
import { ROOT, ensureBuild, signIn, startNext } from './proxy-support';
import { ensureBaselineBuild, markScript, median, startBaseline, type Mark } from './ui-support';

const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench';
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS || 5));
const PAINT_RUNS = Math.max(5, Number(process.env.BENCH_RUNS || 7));
const BUDGET = process.env.RUNBOARD_WATCH_BUDGET_RPS || '2';
const SIZES = (process.env.BENCH_SIZES || '200,2000').split(',').map(Number);
const QUEUED_RULE = 60;
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/find-chromium.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Ctx = { emulatorOrigin: string; apiKey: string; runboard: string; cookie: string; assistantId: string };

async function emu<T>(ctx: Ctx, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ctx.emulatorOrigin}${p}`, {
    method,
    headers: { authorization: `Bearer ${ctx.apiKey}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function rb<T>(ctx: Ctx, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${ctx.runboard}${p}`, {
    method,
    headers: { cookie: ctx.cookie, origin: ctx.runboard, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

type WireRun = { id: string; thread_id: string };

async function createRuns(ctx: Ctx, count: number, scenario: string, label: string): Promise<WireRun[]> {
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
async function waitWatched(ctx: Ctx, count: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    const inbox = await rb<{ watcher: Watcher }>(ctx, 'GET', '/api/inbox?limit=1');
    if (inbox.watcher.watched_runs >= count) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`the watcher holds ${inbox.watcher.watched_runs} of ${count} runs after ${timeoutMs / 1000} s`);
    await sleep(1_000);
  }
}

async function apiRequestsSince(ctx: Ctx, fromMs: number): Promise<number> {
  const log = await emu<{ data?: Array<{ path: string; received_at?: string | number }> } | Array<{ path: string; received_at?: string | number }>>(ctx, 'GET', '/__emulator/requests');
  const rows = Array.isArray(log) ? log : (log.data ?? []);
  return rows.filter((r) => r.path.startsWith('/v1/') && r.received_at !== undefined && new Date(r.received_at).getTime() >= fromMs).length;
}

/** In the open inbox page: the wall-clock time (Date.now()) at which a row for `runId` was first painted. */
async function paintedAt(page: Page, runId: string, timeoutMs: number): Promise<number> {
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

async function detection(ctx: Ctx, browser: Browser, size: number): Promise<{ latencies: number[]; rps: number; seconds: number; warmupS: number }> {
  await emu(ctx, 'POST', '/__emulator/reset');
  const background = await createRuns(ctx, size - 1, 'stuck_in_progress', `bench ${size} background`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, extraHTTPHeaders: { cookie: ctx.cookie } });
  const page = await context.newPage();
  await page.goto(`${ctx.runboard}/inbox?reason=queued_too_long`);
  await page.getByTestId('inbox-stream-status').and(page.locator('[data-status="live"]')).waitFor({ timeout: 30_000 });
  const latencies: number[] = [];
  let warmupS = 0;
  const started = Date.now();
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const [target] = await createRuns(ctx, 1, 'stuck_queued', `bench ${size} target ${round}`);
      // The watcher must know the run (queued) before it crosses: that is the state a real deployment is in.
      warmupS = Math.max(warmupS, (await waitWatched(ctx, background.length + round + 1, 30 * 60_000)) / 1000);
      const movedAt = Date.now();
      await emu(ctx, 'POST', '/__emulator/clock', { advance_seconds: QUEUED_RULE + 5 });
      latencies.push((await paintedAt(page, target!.id, 10 * 60_000)) - movedAt);
      console.log(`  ${size} runs, round ${round + 1}/${ROUNDS}: ${latencies.at(-1)} ms`);
    }
    const seconds = (Date.now() - started) / 1000;
    const requests = await apiRequestsSince(ctx, started);
    return { latencies, rps: requests / seconds, seconds, warmupS };
  } finally {
    await context.close();
  }
}

async function firstPaint(browser: Browser, url: string, marks: Record<string, Mark>, cookie: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, extraHTTPHeaders: { cookie } });
  try {
    const page = await context.newPage();
    await page.addInitScript(markScript(marks));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (names) => {
        const m = (window as unknown as { benchMarks?: Record<string, number> }).benchMarks ?? {};
        return names.every((n) => typeof m[n] === 'number' && m[n] >= 0) ? m : null;
      },
      Object.keys(marks),
      { timeout: 60_000, polling: 50 },
    );
    return Math.max(...Object.values((await handle.jsonValue()) as Record<string, number>));
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const apiKey = `sk-bench-${randomBytes(12).toString('hex')}`;
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', apiKey, seed: 1 });
  const emulatorOrigin = new URL(emulator.url).origin;
  ensureBuild(DIST_DIR);
  const baselineDir = ensureBaselineBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runboard-bench-inbox-'));
  const admin = { email: 'bench@runboard.test', password: `bench-${randomBytes(12).toString('hex')}` };
  const next = await startNext(DIST_DIR, {
    OPENAI_BASE_URL: emulator.url,
    OPENAI_API_KEY: apiKey,
    RUNBOARD_LOG: 'off',
    RUNBOARD_DB_FILE: path.join(dataDir, 'runboard.db'),
    RUNBOARD_ADMIN_EMAIL: admin.email,
    RUNBOARD_ADMIN_PASSWORD: admin.password,
    RUNBOARD_WATCH_BUDGET_RPS: BUDGET,
  });
  const { cookie } = await signIn(next.url, admin);
  const baseline = await startBaseline(baselineDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  try {
    const assistants = await (await fetch(`${emulator.url}/assistants?limit=100`, { headers: { authorization: `Bearer ${apiKey}`, 'openai-beta': 'assistants=v2' } })).json();
    const triage = (assistants as { data: Array<{ id: string; name: string | null }> }).data.find((a) => (a.name ?? '').includes('Triage'));
    if (!triage) throw new Error('the emulator seed has no Triage Bot');
    const ctx: Ctx = { emulatorOrigin, apiKey, runboard: next.url, cookie, assistantId: triage.id };
    await rb(ctx, 'PUT', '/api/admin/stuck-rules', {
      queued_seconds: QUEUED_RULE,
      in_progress_idle_seconds: 86_400,
      requires_action_seconds: 86_400,
      requires_action_expiry_margin_seconds: 0,
      cancelling_seconds: 86_400,
      ended_badly_window_seconds: 86_400,
      claim_ttl_seconds: 3_600,
    });

    const results: Array<{ size: number; latencies: number[]; rps: number; seconds: number; warmupS: number }> = [];
    for (const size of SIZES) {
      console.log(`detection at ${size} active runs (budget ${BUDGET} req/s)…`);
      results.push({ size, ...(await detection(ctx, browser, size)) });
    }

    // First paint: the inbox as left by the last size (its target rows are stuck), next to the bare page.
    const inboxMarks = { row: { selector: '[data-testid="inbox-row"]' } };
    const bareMarks = { ready: { selector: '[data-testid="ready"]' } };
    await firstPaint(browser, `${next.url}/inbox`, inboxMarks, cookie);
    await firstPaint(browser, `${baseline.url}/`, bareMarks, cookie);
    const paints = { inbox: [] as number[], bare: [] as number[] };
    for (let i = 0; i < PAINT_RUNS; i++) {
      paints.inbox.push(await firstPaint(browser, `${next.url}/inbox`, inboxMarks, cookie));
      paints.bare.push(await firstPaint(browser, `${baseline.url}/`, bareMarks, cookie));
    }

    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`\nbench:inbox — Node ${process.version}, Chromium ${browser.version()}, ${os.cpus().length} cores, load avg ${load}; ` +
      `watch budget ${BUDGET} req/s; queued rule ${QUEUED_RULE} s`);
    console.log('| active runs | detection median | min–max | upstream req/s used | watcher warm-up |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const sorted = r.latencies.toSorted((a, b) => a - b);
      console.log(`| ${r.size.toLocaleString('en')} | ${Math.round(median(r.latencies))} ms | ${sorted[0]}–${sorted.at(-1)} ms | ${r.rps.toFixed(2)} (over ${Math.round(r.seconds)} s) | ${Math.round(r.warmupS)} s |`);
    }
    const inboxMs = median(paints.inbox);
    const bareMs = median(paints.bare);
    console.log(`\n| first paint (median of ${PAINT_RUNS} cold loads) | Runboard /inbox | bare Next.js page | ratio |`);
    console.log('|---|---:|---:|---:|');
    console.log(`| navigation → first row / marker painted | ${Math.round(inboxMs)} ms | ${Math.round(bareMs)} ms | ×${(inboxMs / bareMs).toFixed(2)} |`);
  } finally {
    await browser.close();
    baseline.stop();
    next.stop();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
