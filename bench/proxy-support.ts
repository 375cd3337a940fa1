// Helpers for bench/proxy.ts: a Next production server in its own dist dir, and a tiny closed-loop load generator.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Builds into `distDir` when it has no build yet (never touches .next). */
export function ensureBuild(distDir: string): void {
  if (existsSync(path.join(ROOT, distDir, 'BUILD_ID'))) return;
  console.log(`building into ${distDir} (first run only)…`);
  // next build adds `<distDir>/types` to tsconfig.json's include; that file is shared, so put it back as it was.
  const tsconfigPath = path.join(ROOT, 'tsconfig.json');
  const tsconfig = readFileSync(tsconfigPath, 'utf8');
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/next'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
  });
  writeFileSync(tsconfigPath, tsconfig);
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

export type NextServer = { url: string; pid: number; stop: () => void };

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (clock ticks, 100/s).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * `next start` on a free port with the given env, from `cwd` (default: this repo); resolves once `readyPath`
 * (default /api/health) answers 200. The UI bench also starts its bare baseline app with it.
 */
export async function startNext(
  distDir: string,
  env: Record<string, string>,
  { cwd = ROOT, readyPath = '/api/health', name = 'next start' }: { cwd?: string; readyPath?: string; name?: string } = {},
): Promise<NextServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(path.join(cwd, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd,
    env: { ...process.env, ...env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`${name} not healthy within 60 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) return { url, pid: child.pid ?? 0, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type LoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; statuses: Record<number, number> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `clients` loops each sending a request as soon as the previous one answered, for `seconds`. */
export async function closedLoop(clients: number, seconds: number, send: () => Promise<Response>): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const response = await send();
          await response.arrayBuffer();
          statuses[response.status] = (statuses[response.status] ?? 0) + 1;
          if (!response.ok) errors += 1;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}

export type SerialResult = { requests: number; mean: number; p50: number; p99: number; errors: number; cpuMsPerRequest: number | null };

/**
 * Concurrency 1, several scenarios side by side: each gets `seconds` in total, in alternating 0.5 s slices, so a
 * burst of load from other processes falls on every scenario alike. `cpuMs` (a process's CPU time so far) is read
 * around each slice: CPU per request does not grow when other processes make this one wait for a core, wall time does.
 */
export async function sideBySide<K extends string>(
  seconds: number,
  senders: Record<K, () => Promise<Response>>,
  cpuMs: () => number | null = () => null,
): Promise<Record<K, SerialResult>> {
  const names = Object.keys(senders) as K[];
  const latencies = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  const errors = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  const cpu = Object.fromEntries(names.map((n) => [n, 0 as number | null])) as Record<K, number | null>;
  for (let slice = 0; slice < seconds * 2; slice += 1) {
    for (const name of names) {
      const cpuBefore = cpuMs();
      const end = performance.now() + 500;
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const response = await senders[name]();
          await response.arrayBuffer();
          if (!response.ok) errors[name] += 1;
        } catch {
          errors[name] += 1;
        }
        latencies[name].push(performance.now() - t0);
      }
      const cpuAfter = cpuMs();
      const spent = cpu[name];
      cpu[name] = spent === null || cpuBefore === null || cpuAfter === null ? null : spent + cpuAfter - cpuBefore;
    }
  }
  const result = {} as Record<K, SerialResult>;
  for (const name of names) {
    const sorted = latencies[name].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(1, sorted.length);
    const spent = cpu[name];
    result[name] = {
      requests: sorted.length,
      mean,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      errors: errors[name],
      cpuMsPerRequest: spent === null || sorted.length === 0 ? null : spent / sorted.length,
    };
  }
  return result;
}

/** Signs the bench's admin in (session cookie) and makes a personal token through the people API. */
export async function signIn(url: string, admin: { email: string; password: string }): Promise<{ cookie: string; token: string }> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(admin),
  });
  if (!response.ok) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  // Tokens are made through the people API (better-auth's raw api-key endpoints are not served over HTTP).
  const created = await fetch(`${url}/api/profile/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ name: 'bench', role: 'admin' }),
  });
  if (!created.ok) throw new Error(`bench token failed: ${created.status} ${await created.text()}`);
  return { cookie, token: ((await created.json()) as { secret: string }).secret };
}
