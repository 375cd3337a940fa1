// npm run bench:ui — what a support engineer waits for, in headless Chromium, next to a bare Next.js page measured
// the same way on the same machine in the same run:
//  - thread page of the seeded 1,000-run thread: navigation start → first runs-table row painted;
//  - run page of a run with 300 steps: navigation start → the steps card says "Steps (300)" and its first step row
//    is painted (the page reads all 300 steps, 100 per request, before drawing the list);
//  - JS the run page transfers (gzip, as served by `next start`) and its decoded size, counted once the page has
//    loaded and its network is idle (server-rendered rows paint before the scripts arrive);
//  - baseline: a one-page Next app (next + react only, same Next build pipeline): navigation start → a client
//    component's post-hydration marker painted, and its JS.
// Each sample is a fresh browser context (cold HTTP cache); the three pages alternate, BENCH_RUNS times (default 7),
// after one discarded warm-up round. Medians are printed with ratios to the baseline.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { startEmulatorServer } from '../lib/emulator/server';
import { ROOT, ensureBuild, signIn, startNext } from './proxy-support';
import { ensureBaselineBuild, grow300StepRun, markScript, median, startBaseline, type Mark } from './ui-support';

const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench';
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS || 7));
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

type Sample = { ms: number; jsTransferred: number; jsDecoded: number; jsFiles: number };
type Target = { name: string; url: string; marks: Record<string, Mark>; done: (marks: Record<string, number>) => number | undefined };

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return execFileSync(process.execPath, [path.join(ROOT, 'scripts/find-chromium.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** Newest modification time under the folders a build is made from (ms), to spot a stale build. */
function newestSourceMs(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|css)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of ['app', 'components', 'lib']) walk(path.join(ROOT, dir));
  return newest;
}

/** One cold load: fresh context, marks installed before any script runs, JS summed from Resource Timing. */
async function sample(browser: Browser, target: Target, cookie: string): Promise<Sample> {
  // Runboard's pages need a signed-in viewer; the cookie is the bench admin's session (the bare page ignores it).
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, extraHTTPHeaders: { cookie } });
  try {
    const page = await context.newPage();
    await page.addInitScript(markScript(target.marks));
    await page.goto(target.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (names) => {
        const m = (window as unknown as { benchMarks?: Record<string, number> }).benchMarks ?? {};
        return names.every((n) => typeof m[n] === 'number' && m[n] >= 0) ? m : null;
      },
      Object.keys(target.marks),
      { timeout: 120_000, polling: 50 },
    );
    const marks = (await handle.jsonValue()) as Record<string, number>;
    const ms = target.done(marks);
    if (ms === undefined) throw new Error(`${target.name}: marks missing ${JSON.stringify(marks)}`);
    // Server-rendered rows can paint before the page's scripts have even arrived: count the JS only once the page
    // has loaded and its network has settled, so the figure is everything the page fetched to become interactive.
    await page.waitForLoadState('load');
    await page.waitForLoadState('networkidle');
    const js = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(new URL(e.name).pathname))
        .map((e) => ({ transfer: e.transferSize, decoded: e.decodedBodySize })),
    );
    return {
      ms,
      jsTransferred: js.reduce((sum, e) => sum + e.transfer, 0),
      jsDecoded: js.reduce((sum, e) => sum + e.decoded, 0),
      jsFiles: js.length,
    };
  } finally {
    await context.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (a: number, b: number) => `×${(a / b).toFixed(2)}`;

async function main(): Promise<void> {
  const apiKey = `sk-bench-${randomBytes(12).toString('hex')}`;
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', apiKey, seed: 1 });
  const longRun = grow300StepRun(emulator);
  const threads = (await (await fetch(`${new URL(emulator.url).origin}/__emulator/threads`, { headers: { authorization: `Bearer ${apiKey}` } })).json()) as
    | { data: Array<{ id: string; run_count?: number }> }
    | Array<{ id: string; run_count?: number }>;
  const bigThread = (Array.isArray(threads) ? threads : threads.data).find((t) => t.run_count === 1000);
  if (!bigThread) throw new Error('the emulator seed has no thread with 1,000 runs');

  const buildId = path.join(ROOT, DIST_DIR, 'BUILD_ID');
  if (existsSync(buildId) && statSync(buildId).mtimeMs < newestSourceMs()) {
    console.log(`note: the build in ${DIST_DIR} is older than the newest source file; it is measured as it is. ` +
      `Delete ${DIST_DIR} (or set NEXT_DIST_DIR to a fresh folder) to measure the current code.`);
  }
  ensureBuild(DIST_DIR);
  const baselineDir = ensureBaselineBuild();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runboard-bench-ui-'));
  const admin = { email: 'bench@runboard.test', password: `bench-${randomBytes(12).toString('hex')}` };
  const next = await startNext(DIST_DIR, {
    OPENAI_BASE_URL: emulator.url,
    OPENAI_API_KEY: apiKey,
    RUNBOARD_LOG: 'off',
    RUNBOARD_DB_FILE: path.join(dataDir, 'runboard.db'),
    RUNBOARD_ADMIN_EMAIL: admin.email,
    RUNBOARD_ADMIN_PASSWORD: admin.password,
  });
  const { cookie } = await signIn(next.url, admin);
  const baseline = await startBaseline(baselineDir);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: LAUNCH_ARGS });
  try {
    const targets: Target[] = [
      { name: 'baseline', url: `${baseline.url}/`, marks: { ready: { selector: '[data-testid="ready"]' } }, done: (m) => m.ready },
      {
        name: 'thread',
        url: `${next.url}/threads/${bigThread.id}`,
        marks: { firstRow: { selector: '[data-testid="run-row"]' } },
        done: (m) => m.firstRow,
      },
      {
        name: 'run',
        url: `${next.url}/threads/${longRun.threadId}/runs/${longRun.runId}`,
        marks: { header: { selector: '[data-testid="run-viewer"]' }, count: { selector: '#run-steps-title', text: 'Steps (300)' }, firstStep: { selector: '[data-testid="step-row"]' } },
        done: (m) => (m.count !== undefined && m.firstStep !== undefined ? Math.max(m.count, m.firstStep) : undefined),
      },
    ];
    // Warm-up round, discarded: first requests pay for server-side module loading and the emulator's first reads.
    for (const t of targets) await sample(browser, t, cookie);

    const samples: Record<string, Sample[]> = { baseline: [], thread: [], run: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const t of targets) samples[t.name]!.push(await sample(browser, t, cookie));
      console.log(`round ${i + 1}/${RUNS}: thread ${ms(samples.thread!.at(-1)!.ms)}, run ${ms(samples.run!.at(-1)!.ms)}, baseline ${ms(samples.baseline!.at(-1)!.ms)}`);
    }
    const med = (name: string, key: keyof Sample) => median(samples[name]!.map((s) => s[key]));
    const base = { ms: med('baseline', 'ms'), js: med('baseline', 'jsTransferred'), decoded: med('baseline', 'jsDecoded') };
    const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
    console.log(`bench:ui — medians of ${RUNS} cold loads each, alternating; Node ${process.version}, Chromium ${browser.version()}, ` +
      `${os.cpus().length} cores, load avg ${load}`);
    const rows: string[][] = [
      ['measure', 'Runboard', 'bare Next.js page', 'ratio'],
      ['thread of 1,000 runs: navigation → first runs row painted', ms(med('thread', 'ms')), ms(base.ms), ratio(med('thread', 'ms'), base.ms)],
      ['run with 300 steps: navigation → "Steps (300)" + first step row painted', ms(med('run', 'ms')), ms(base.ms), ratio(med('run', 'ms'), base.ms)],
      ['run page JS transferred (gzip)', kb(med('run', 'jsTransferred')), kb(base.js), ratio(med('run', 'jsTransferred'), base.js)],
      ['run page JS decoded', kb(med('run', 'jsDecoded')), kb(base.decoded), ratio(med('run', 'jsDecoded'), base.decoded)],
      ['thread page JS transferred (gzip)', kb(med('thread', 'jsTransferred')), kb(base.js), ratio(med('thread', 'jsTransferred'), base.js)],
    ];
    const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
    for (const [i, r] of rows.entries()) {
      console.log(`| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join(' | ')} |`);
      if (i === 0) console.log(`|${widths.map((w, c) => (c === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
    }
    const spread = (name: string) => {
      const v = samples[name]!.map((s) => s.ms).toSorted((a, b) => a - b);
      return `${name} ${ms(v[0]!)}–${ms(v.at(-1)!)}`;
    };
    console.log(`range: ${spread('thread')}, ${spread('run')}, ${spread('baseline')}; JS files: run ${samples.run![0]!.jsFiles}, baseline ${samples.baseline![0]!.jsFiles}`);
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
