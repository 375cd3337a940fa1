// npm run bench:inbox — the stuck-run inbox as a support engineer sees it, in headless Chromium over the emulator:
//  - detection latency: N active runs are indexed (registered through POST /api/index/threads, never opened), an
//    inbox is open in a browser; a target run (queued, seen by the watcher) is pushed past its stuck threshold by
//    moving the emulator clock, and the time from that move to its row painted in the open inbox is measured
//    (BENCH_ROUNDS targets per size, median), at N = 200 and N = 2,000 (BENCH_SIZES);
//  - the upstream requests per second the watcher used meanwhile (the emulator's request log, ids req_rbw_…), and
//    the most it sent in any one second (over at least BENCH_RATE_WINDOW_S, default 60 s, of the measured server);
//  - the inbox's first paint (navigation start → first row painted, cold context) next to a bare Next.js page
//    (navigation start → its post-hydration marker), alternating, as a ratio.
// The background runs are `stuck_in_progress` with the idle rule set to a day, so they are active but not stuck; the
// queued rule is 60 s. Setup: finding N registered runs costs the watcher 2 requests per thread (the thread, its
// newest runs), 4,000 at N = 2,000, a half-hour at the default budget; so each size's server first runs with
// BENCH_SETUP_BUDGET_RPS (default 50) until the watcher holds the N−1 background runs, is stopped, and a server with
// the measured RUNBOARD_WATCH_BUDGET_RPS (default 2, the deployment default) resumes on the same database. Only then
// are the inbox opened, the targets created (and found by the watcher at the measured budget) and requests counted.
// Each size and the first paint are measured on their own: one that fails is printed as failed, the others still run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { startEmulatorServer } from '../lib/emulator/server';
import { ROOT, ensureBuild } from './proxy-support';
import { QUEUED_RULE, createRuns, deploy, emu, paintedAt, rb, sleep, stopNext, waitWatched, watcherRequestTimes, type Base, type Deployment } from './inbox-support';
import { ensureBaselineBuild, markScript, median, startBaseline, type Mark } from './ui-support';

const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench';
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS || 5));
const PAINT_RUNS = Math.max(5, Number(process.env.BENCH_RUNS || 7));
const BUDGET = process.env.RUNBOARD_WATCH_BUDGET_RPS || '2';
/** The budget while the watcher first finds the N registered runs (2 requests per thread): setup only, then a restart. */
const SETUP_BUDGET = process.env.BENCH_SETUP_BUDGET_RPS || '50';
const SETUP_TIMEOUT_MS = Number(process.env.BENCH_SETUP_TIMEOUT_S || 20 * 60) * 1000;
const RATE_WINDOW_S = Number(process.env.BENCH_RATE_WINDOW_S || 60);
const SIZES = (process.env.BENCH_SIZES || '200,2000').split(',').map(Number);
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/find-chromium.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}


type SizeResult = { size: number; latencies: number[]; requests: number; seconds: number; peakPerSecond: number; setupS: number };

/**
 * One size: setup (N−1 background runs registered and found by the watcher) on a server with the setup budget, then
 * that server is stopped and one with the measured budget started on the same database (the watcher resumes from its
 * stored state, as after any restart); only then are the inbox opened, the targets created and the requests counted.
 */
async function detection(base: Base, browser: Browser, size: number): Promise<SizeResult> {
  await emu({ ...base, runboard: '', cookie: '' }, 'POST', '/__emulator/reset');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runboard-bench-inbox-'));
  try {
    const setup = await deploy(base, DIST_DIR, dataDir, SETUP_BUDGET);
    let setupS: number;
    try {
      const background = await createRuns(setup.ctx, size - 1, 'stuck_in_progress', `bench ${size} background`);
      setupS = (await waitWatched(setup.ctx, background.length, SETUP_TIMEOUT_MS)) / 1000;
      console.log(`  setup: ${background.length} registered runs found in ${Math.round(setupS)} s at ${SETUP_BUDGET} req/s`);
    } finally {
      await stopNext(setup.next);
    }
    const { next, ctx } = await deploy(base, DIST_DIR, dataDir, BUDGET);
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, extraHTTPHeaders: { cookie: ctx.cookie } });
    try {
      const page = await context.newPage();
      await page.goto(`${ctx.runboard}/inbox?reason=queued_too_long`);
      await page.getByTestId('inbox-stream-status').and(page.locator('[data-status="live"]')).waitFor({ timeout: 30_000 });
      await emu(ctx, 'DELETE', '/__emulator/requests');
      const started = Date.now();
      const latencies: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const [target] = await createRuns(ctx, 1, 'stuck_queued', `bench ${size} target ${round}`);
        // The watcher must know the run (queued) before it crosses: that is the state a real deployment is in.
        await waitWatched(ctx, size - 1 + round + 1, 10 * 60_000);
        const movedAt = Date.now();
        await emu(ctx, 'POST', '/__emulator/clock', { advance_seconds: QUEUED_RULE + 5 });
        latencies.push((await paintedAt(page, target!.id, 10 * 60_000)) - movedAt);
        console.log(`  ${size} runs, round ${round + 1}/${ROUNDS}: ${latencies.at(-1)} ms`);
      }
      // Requests per second over at least RATE_WINDOW_S of the measured server's life (a few quick rounds are short).
      while (Date.now() - started < RATE_WINDOW_S * 1000) await sleep(500);
      const seconds = (Date.now() - started) / 1000;
      const times = (await watcherRequestTimes(ctx)).filter((t) => t >= started);
      const perSecond = new Map<number, number>();
      for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
      return { size, latencies, requests: times.length, seconds, peakPerSecond: Math.max(0, ...perSecond.values()), setupS };
    } finally {
      await context.close();
      await stopNext(next);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The inbox's first paint needs rows: a small deployment (at the measured budget) with three runs stuck. */
async function paintDeployment(base: Base): Promise<Deployment> {
  await emu({ ...base, runboard: '', cookie: '' }, 'POST', '/__emulator/reset');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runboard-bench-inbox-paint-'));
  const d = await deploy(base, DIST_DIR, dataDir, BUDGET);
  try {
    await createRuns(d.ctx, 3, 'stuck_queued', 'bench paint');
    await waitWatched(d.ctx, 3, 5 * 60_000);
    await emu(d.ctx, 'POST', '/__emulator/clock', { advance_seconds: QUEUED_RULE + 5 });
    const deadline = Date.now() + 5 * 60_000;
    while ((await rb<{ data: unknown[] }>(d.ctx, 'GET', '/api/inbox?limit=3')).data.length < 3) {
      if (Date.now() > deadline) throw new Error('the three stuck runs did not reach the inbox within 5 min');
      await sleep(500);
    }
    return d;
  } catch (error) {
    await stopNext(d.next);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
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
  const baseline = await startBaseline(baselineDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  try {
    const assistants = await (await fetch(`${emulator.url}/assistants?limit=100`, { headers: { authorization: `Bearer ${apiKey}`, 'openai-beta': 'assistants=v2' } })).json();
    const triage = (assistants as { data: Array<{ id: string; name: string | null }> }).data.find((a) => (a.name ?? '').includes('Triage'));
    if (!triage) throw new Error('the emulator seed has no Triage Bot');
    const base: Base = { emulatorOrigin, upstreamUrl: emulator.url, apiKey, assistantId: triage.id };

    // Each figure is measured on its own: one that fails is printed as failed and the others still run.
    const results: Array<SizeResult | { size: number; error: string }> = [];
    for (const size of SIZES) {
      console.log(`detection at ${size} active runs (setup at ${SETUP_BUDGET} req/s, measured at ${BUDGET} req/s)…`);
      try {
        results.push(await detection(base, browser, size));
      } catch (error) {
        console.log(`  ${size} runs failed: ${describe(error)}`);
        results.push({ size, error: describe(error) });
      }
    }

    // First paint: an inbox with stuck rows, next to the bare page, alternating.
    let paint: { inbox: number; bare: number } | { error: string };
    try {
      const d = await paintDeployment(base);
      try {
        const inboxMarks = { row: { selector: '[data-testid="inbox-row"]' } };
        const bareMarks = { ready: { selector: '[data-testid="ready"]' } };
        await firstPaint(browser, `${d.ctx.runboard}/inbox`, inboxMarks, d.ctx.cookie);
        await firstPaint(browser, `${baseline.url}/`, bareMarks, d.ctx.cookie);
        const paints = { inbox: [] as number[], bare: [] as number[] };
        for (let i = 0; i < PAINT_RUNS; i++) {
          paints.inbox.push(await firstPaint(browser, `${d.ctx.runboard}/inbox`, inboxMarks, d.ctx.cookie));
          paints.bare.push(await firstPaint(browser, `${baseline.url}/`, bareMarks, d.ctx.cookie));
        }
        paint = { inbox: median(paints.inbox), bare: median(paints.bare) };
      } finally {
        await stopNext(d.next);
        rmSync(d.dataDir, { recursive: true, force: true });
      }
    } catch (error) {
      console.log(`  first paint failed: ${describe(error)}`);
      paint = { error: describe(error) };
    }

    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`\nbench:inbox — Node ${process.version}, Chromium ${browser.version()}, ${os.cpus().length} cores, load avg ${load}; ` +
      `watch budget ${BUDGET} req/s while measured (setup, finding the registered runs: ${SETUP_BUDGET} req/s, then a restart); queued rule ${QUEUED_RULE} s`);
    console.log('| active runs | detection median | min–max | watcher upstream req/s used (peak in any 1 s) | setup: runs found in |');
    console.log('|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if ('error' in r) {
        console.log(`| ${r.size.toLocaleString('en')} | failed: ${r.error} | | | |`);
        continue;
      }
      const sorted = r.latencies.toSorted((a, b) => a - b);
      console.log(
        `| ${r.size.toLocaleString('en')} | ${Math.round(median(r.latencies))} ms | ${sorted[0]}–${sorted.at(-1)} ms | ` +
          `${(r.requests / r.seconds).toFixed(2)} (${r.requests} over ${Math.round(r.seconds)} s; peak ${r.peakPerSecond}) | ${Math.round(r.setupS)} s at ${SETUP_BUDGET} req/s |`,
      );
    }
    console.log(`\n| first paint (median of ${PAINT_RUNS} cold loads) | Runboard /inbox | bare Next.js page | ratio |`);
    console.log('|---|---:|---:|---:|');
    if ('error' in paint) console.log(`| navigation → first row / marker painted | failed: ${paint.error} | | |`);
    else console.log(`| navigation → first row / marker painted | ${Math.round(paint.inbox)} ms | ${Math.round(paint.bare)} ms | ×${(paint.inbox / paint.bare).toFixed(2)} |`);
    if (results.some((r) => 'error' in r) || 'error' in paint) process.exitCode = 1;
  } finally {
    await browser.close();
    baseline.stop();
    await emulator.close();
  }
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
