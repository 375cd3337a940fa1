// npm run bench:proxy — the proxy's cost and its polling efficiency, measured in one run on one emulator:
//  1. retrieve-run requests/s and p50/p99 latency, direct to the emulator vs through Runboard's /api/v1 proxy
//     (a real `next start` from a production build in .next-bench), with the ratio;
//  2. one request at a time (concurrency 1): the latency the proxy adds over Next's own route floor (/api/health),
//     mean and p99, with floor and proxy measured in alternating slices so that machine load hits both alike;
//  3. 50 concurrent clients polling one active run through the proxy for 10 s: how many requests reached the
//     upstream (emulator request log). Target: about one per second.
//  4. the identity check: proxied requests with a session cookie, with a personal API token, and with neither (a 401
//     that never reaches the upstream), and GET /api/me (identity check only) next to the /api/health floor.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { startEmulatorServer } from '../lib/emulator/server';
import { closedLoop, ensureBuild, processCpuMs, sideBySide, startNext, type LoadResult, type SerialResult, signIn } from './proxy-support';

const DIST_DIR = process.env.NEXT_DIST_DIR || '.next-bench';
const CLIENTS = Number(process.env.BENCH_CLIENTS || 16);
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const SERIAL_SECONDS = Number(process.env.BENCH_SERIAL_SECONDS || 12);
const POLLERS = 50;
const POLL_SECONDS = 10;

type Run = { id: string; thread_id: string; status: string };
type Row = LoadResult & { nextCpuMs: number | null; benchCpuMs: number };

async function main(): Promise<void> {
  const apiKey = `sk-bench-${randomBytes(12).toString('hex')}`;
  const emulator = await startEmulatorServer({ port: 0, host: '127.0.0.1', apiKey, seed: 1 });
  const origin = new URL(emulator.url).origin;
  const headers = { authorization: `Bearer ${apiKey}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' };
  const call = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${url} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  ensureBuild(DIST_DIR);
  const admin = { email: 'bench@runboard.test', password: `bench-${randomBytes(12).toString('hex')}` };
  const next = await startNext(DIST_DIR, {
    OPENAI_BASE_URL: emulator.url,
    OPENAI_API_KEY: apiKey,
    RUNBOARD_LOG: 'off',
    RUNBOARD_DB_FILE: join(mkdtempSync(join(os.tmpdir(), 'runboard-bench-')), 'runboard.db'),
    RUNBOARD_ADMIN_EMAIL: admin.email,
    RUNBOARD_ADMIN_PASSWORD: admin.password,
  });
  try {
    const { cookie, token } = await signIn(next.url, admin);
    const withCookie = { cookie };
    const withToken = { authorization: `Bearer ${token}` };
    // A finished run (never cached: measures the proxy's full path) and a run that stays active.
    const assistants = await call<{ data: Array<{ id: string }> }>('GET', `${emulator.url}/assistants?limit=1`);
    const assistantId = assistants.data[0]?.id;
    if (!assistantId) throw new Error('emulator has no assistants');
    const threads = await call<{ data: Array<{ id: string }> } | Array<{ id: string }>>('GET', `${origin}/__emulator/threads`);
    let finished: Run | undefined;
    for (const thread of Array.isArray(threads) ? threads : threads.data) {
      const runs = await call<{ data: Run[] }>('GET', `${emulator.url}/threads/${thread.id}/runs?limit=100`);
      finished = runs.data.find((r) => r.status === 'completed');
      if (finished) break;
    }
    if (!finished) throw new Error('no completed run in the seed');
    const active = await call<Run>('POST', `${emulator.url}/threads/runs`, {
      assistant_id: assistantId,
      metadata: { scenario: 'stuck_in_progress' },
      thread: { messages: [{ role: 'user', content: 'bench' }] },
    });

    const runPath = (run: Run) => `/threads/${run.thread_id}/runs/${run.id}`;
    const direct = () => fetch(`${emulator.url}${runPath(finished)}`, { headers });
    const proxied = () => fetch(`${next.url}/api/v1${runPath(finished)}`, { headers: withCookie });
    const proxiedToken = () => fetch(`${next.url}/api/v1${runPath(finished)}`, { headers: withToken });
    const proxiedAnonymous = () => fetch(`${next.url}/api/v1${runPath(finished)}`);
    const proxiedActive = () => fetch(`${next.url}/api/v1${runPath(active)}`, { headers: withCookie });
    // The framework's floor: a Next route handler that does no upstream call at all (and no identity check).
    const nextFloor = () => fetch(`${next.url}/api/health`);
    const meCookie = () => fetch(`${next.url}/api/me`, { headers: withCookie });
    const meToken = () => fetch(`${next.url}/api/me`, { headers: withToken });

    await closedLoop(4, 1, direct); // warm-up (JIT, keep-alive pools, route compilation)
    await closedLoop(4, 1, proxied);
    // CPU per request is steadier than req/s on a shared machine: Next server process (from /proc) and this process
    // (emulator + load generator, from process.cpuUsage).
    const measure = async (send: () => Promise<Response>): Promise<Row> => {
      const nextBefore = processCpuMs(next.pid);
      const selfBefore = process.cpuUsage();
      const result = await closedLoop(CLIENTS, SECONDS, send);
      const self = process.cpuUsage(selfBefore);
      const nextAfter = processCpuMs(next.pid);
      return {
        ...result,
        nextCpuMs: nextBefore === null || nextAfter === null ? null : (nextAfter - nextBefore) / result.requests,
        benchCpuMs: (self.user + self.system) / 1000 / result.requests,
      };
    };
    const rows: Array<[string, Row]> = [];
    rows.push(['retrieve run, direct to emulator', await measure(direct)]);
    rows.push(['retrieve run, through proxy (finished run, uncached)', await measure(proxied)]);
    rows.push(['retrieve run, through proxy (active run, poll cache)', await measure(proxiedActive)]);
    rows.push(['floor: GET /api/health on the same Next server', await measure(nextFloor)]);
    const identityRows: Array<[string, Row]> = [];
    identityRows.push(['proxy, session cookie (as above, uncached)', rows[1]![1]]);
    identityRows.push(['proxy, personal API token (uncached)', await measure(proxiedToken)]);
    identityRows.push(['proxy, no identity (401, upstream not called)', await measure(proxiedAnonymous)]);
    identityRows.push(['GET /api/me, session cookie (identity check only)', await measure(meCookie)]);
    identityRows.push(['GET /api/me, personal API token (identity check only)', await measure(meToken)]);
    identityRows.push(['floor: GET /api/health (no identity check)', rows[3]![1]]);

    const serial = await sideBySide(SERIAL_SECONDS, { floor: nextFloor, proxied, direct }, () => processCpuMs(next.pid));

    await fetch(`${origin}/__emulator/requests`, { method: 'DELETE', headers });
    const polling = await closedLoop(POLLERS, POLL_SECONDS, proxiedActive);
    const log = await call<{ data?: Array<{ method: string; path: string }> } | Array<{ method: string; path: string }>>('GET', `${origin}/__emulator/requests`);
    const entries = Array.isArray(log) ? log : (log.data ?? []);
    const upstreamCalls = entries.filter((e) => e.method === 'GET' && e.path === `/v1${runPath(active)}`).length;

    printReport(rows, serial, polling, upstreamCalls);
    printIdentityReport(identityRows);
  } finally {
    next.stop();
    await emulator.close();
  }
}

function printReport(rows: Array<[string, Row]>, serial: Record<'floor' | 'proxied' | 'direct', SerialResult>, polling: LoadResult, upstreamCalls: number): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`\nRunboard proxy benchmark — Node ${process.version}, ${os.cpus().length} CPUs, load average ${load}, ${CLIENTS} concurrent clients, ${SECONDS} s per row`);
  const cpu = (n: number | null) => (n === null ? 'n/a' : n.toFixed(2)).padStart(11);
  console.log(
    `${pad('scenario', 56)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'Next CPU'.padStart(11)}${'bench CPU'.padStart(11)}`,
  );
  for (const [name, r] of rows) {
    console.log(`${pad(name, 56)}${num(r.rps, 0)}${num(r.p50, 2)}${num(r.p99, 2)}${String(r.errors).padStart(8)}${cpu(r.nextCpuMs)}${cpu(r.benchCpuMs)}`);
  }
  console.log('(CPU columns: milliseconds of CPU per request in the Next server process / in this process = emulator + load generator)');
  const [direct, proxied, cached, floor] = rows.map(([, r]) => r) as [Row, Row, Row, Row];
  console.log(`\nproxy / direct throughput (uncached): ${(proxied.rps / direct.rps).toFixed(2)}×   p50 overhead: +${(proxied.p50 - direct.p50).toFixed(2)} ms`);
  console.log(`proxy / direct throughput (active run, poll cache): ${(cached.rps / direct.rps).toFixed(2)}×`);
  console.log(`proxy / Next floor throughput (uncached): ${(proxied.rps / floor.rps).toFixed(2)}×  (how much of the cost is the proxy's own work)`);
  const { floor: f1, proxied: p1, direct: d1 } = serial;
  console.log(`\nOne request at a time (concurrency 1, ${SERIAL_SECONDS} s per scenario in alternating 0.5 s slices):`);
  console.log(`${pad('scenario', 56)}${'requests'.padStart(9)}${'mean ms'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'Next CPU'.padStart(11)}`);
  for (const [name, r] of [['floor: GET /api/health', f1], ['retrieve run through the proxy (uncached)', p1], ['retrieve run direct to the emulator', d1]] as const) {
    console.log(`${pad(name, 56)}${String(r.requests).padStart(9)}${num(r.mean, 3)}${num(r.p50, 3)}${num(r.p99, 3)}${cpu(r.cpuMsPerRequest)}`);
  }
  console.log(`proxy adds over the floor: mean +${(p1.mean - f1.mean).toFixed(3)} ms, p99 +${(p1.p99 - f1.p99).toFixed(3)} ms  (targets: ≤ 0.5 ms mean, ≤ 2 ms p99)`);
  console.log(`  of which the upstream round trip itself (direct mean ${d1.mean.toFixed(3)} ms): proxy's own work ≈ +${(p1.mean - f1.mean - d1.mean).toFixed(3)} ms mean`);
  if (p1.cpuMsPerRequest !== null && f1.cpuMsPerRequest !== null) {
    console.log(`  Next CPU per request over the floor (not inflated by waiting for a core): +${(p1.cpuMsPerRequest - f1.cpuMsPerRequest).toFixed(3)} ms`);
  }
  console.log(`\n${POLLERS} clients polling one active run through the proxy for ${polling.seconds.toFixed(1)} s:`);
  console.log(`  client requests answered: ${polling.requests} (${polling.rps.toFixed(0)}/s, p50 ${polling.p50.toFixed(2)} ms, p99 ${polling.p99.toFixed(2)} ms, errors ${polling.errors})`);
  console.log(`  upstream requests:        ${upstreamCalls} (${(upstreamCalls / polling.seconds).toFixed(2)}/s; target ≈ 1/s)`);
}

/** Signs the bench admin in (session cookie) and makes it a personal API token, the way a browser and a script would. */
function printIdentityReport(rows: Array<[string, Row]>): void {
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
  const cpu = (n: number | null) => (n === null ? 'n/a' : n.toFixed(2)).padStart(11);
  console.log(`\nIdentity check (same server, same run)`);
  console.log(`${pad('scenario', 56)}${'req/s'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'Next CPU'.padStart(11)}`);
  for (const [name, r] of rows) console.log(`${pad(name, 56)}${num(r.rps, 0)}${num(r.p50, 2)}${num(r.p99, 2)}${String(r.errors).padStart(8)}${cpu(r.nextCpuMs)}`);
  const byName = Object.fromEntries(rows.map(([name, r]) => [name, r.nextCpuMs]));
  const floor = byName['floor: GET /api/health (no identity check)'];
  const added = (name: string) => {
    const value = byName[name];
    return value == null || floor == null ? 'n/a' : `${(value - floor).toFixed(2)} ms`;
  };
  console.log(`CPU the identity check adds per request (GET /api/me − /api/health, Next process): session cookie ${added('GET /api/me, session cookie (identity check only)')}, personal token ${added('GET /api/me, personal API token (identity check only)')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
