/**
 * `npm run bench:emulator`: requests/s of the emulator for retrieve-run and list-runs (page
 * sizes 10/20/50/100) on a thread of 1,000 runs, with concurrent keep-alive requests from this
 * same process. Prints the Node version, a table, and whether time per request grows at most
 * linearly with page size (the issue's bar).
 *
 * Env: BENCH_SECONDS (per measurement, default 1.8), BENCH_CONCURRENCY (default 16).
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { startEmulatorServer } from '../lib/emulator/server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 1.8);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const KEY = 'sk-bench';

interface Sample {
  label: string;
  pageSize: number | null;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  /** CPU time of this process (server + client) per request: steadier than wall time on a busy machine. */
  cpuMs: number;
}

async function main(): Promise<void> {
  const server = await startEmulatorServer({ port: 0, speed: 0, seedData: false, apiKey: KEY });
  const base = new URL(server.url);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const headers = { authorization: `Bearer ${KEY}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' };

  /** One request; the body is drained, not parsed, so the client side stays cheap. */
  const call = (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: base.hostname, port: base.port, path: `${base.pathname}${path}`, method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });

  // Setup through the API itself: one thread, 1,000 runs, each finished (clock moved) before the next.
  const setupStart = performance.now();
  const assistant = JSON.parse((await call('POST', '/assistants', { model: 'gpt-4o-mini', name: 'Bench' })).text) as { id: string };
  const thread = JSON.parse((await call('POST', '/threads', {})).text) as { id: string };
  const runIds: string[] = [];
  for (let i = 0; i < 1000; i++) {
    const run = JSON.parse((await call('POST', `/threads/${thread.id}/runs`, { assistant_id: assistant.id })).text) as { id: string };
    runIds.push(run.id);
    server.emulator.clock.advance(10);
  }
  const setupMs = performance.now() - setupStart;

  async function measure(label: string, pageSize: number | null, pathFor: (i: number) => string): Promise<Sample> {
    const latencies: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    let i = 0;
    const worker = async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const res = await call('GET', pathFor(i++));
        if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
        latencies.push(performance.now() - started);
      }
    };
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const cpu = process.cpuUsage(cpuBefore);
    const elapsed = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    return { label, pageSize, requests: latencies.length, rps: latencies.length / elapsed, p50: pct(0.5), p95: pct(0.95), cpuMs: (cpu.user + cpu.system) / 1000 / latencies.length };
  }

  const pick = (i: number) => runIds[(i * 7919) % runIds.length] as string;

  // Ceiling for this machine right now: a bare Node http server answering a run-sized JSON body.
  const runBody = Buffer.from((await call('GET', `/threads/${thread.id}/runs/${pick(1)}`)).text);
  const bare = createServer({ keepAlive: true }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json', 'content-length': runBody.length }).end(runBody));
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const emulatorPort = base.port;
  base.port = String((bare.address() as AddressInfo).port);
  const baseline = await measure('bare node http', null, () => '/');
  base.port = emulatorPort;
  bare.close();
  // Warm-up so JIT compilation is not measured.
  await measure('warmup', null, (i) => `/threads/${thread.id}/runs?limit=50&after=${pick(i)}`);
  const samples: Sample[] = [baseline, await measure('retrieve run', null, (i) => `/threads/${thread.id}/runs/${pick(i)}`)];
  for (const size of [10, 20, 50, 100]) {
    // Cursors at random positions exercise the binary search, not just the first page.
    samples.push(await measure('list runs', size, (i) => `/threads/${thread.id}/runs?limit=${size}${i % 4 === 0 ? '' : `&after=${pick(i)}`}`));
  }
  await server.close();
  agent.destroy();

  const msPerReq = (s: Sample) => 1000 / s.rps;
  console.log(`Runboard emulator benchmark — Node ${process.version}, ${CONCURRENCY} concurrent keep-alive connections, ${SECONDS}s per row`);
  console.log(`setup: 1,000 runs created through the API in ${(setupMs / 1000).toFixed(2)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} CPUs\n`);
  console.log('endpoint        page  requests     req/s  ms/req  p50 ms  p95 ms  cpu ms/req  cpu ms/item');
  for (const s of samples) {
    const perItem = s.pageSize ? (s.cpuMs / s.pageSize).toFixed(4) : '-';
    console.log(
      `${s.label.padEnd(14)} ${String(s.pageSize ?? '-').padStart(5)} ${String(s.requests).padStart(9)} ${s.rps.toFixed(0).padStart(9)} ${msPerReq(s).toFixed(3).padStart(7)} ${s.p50.toFixed(2).padStart(7)} ${s.p95.toFixed(2).padStart(7)} ${s.cpuMs.toFixed(3).padStart(11)} ${perItem.padStart(12)}`,
    );
  }
  const lists = samples.filter((s) => s.pageSize !== null);
  const first = lists[0] as Sample;
  const last = lists[lists.length - 1] as Sample;
  const linear = (last.pageSize as number) / (first.pageSize as number);
  const wallGrowth = msPerReq(last) / msPerReq(first);
  const growth = last.cpuMs / first.cpuMs;
  console.log(`\ntime per request, page ${last.pageSize} vs ${first.pageSize}: CPU ×${growth.toFixed(2)}, wall ×${wallGrowth.toFixed(2)} (linear would be ×${linear}) → ${growth <= linear ? 'OK: at most linear' : 'FAIL: worse than linear'}`);
  if (growth > linear) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
