// Small process helpers for specs and benches that run their own servers next to the shared webServer:
// a free port, a child in its own process group (so stopping it also stops what its wrapper spawned), and a
// production `next start` on a given dist dir, healthy once /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type Child = { child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** Spawns `command` detached (own process group); `stop` sends SIGTERM to the group and waits for the exit. */
export function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output += d.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const killed = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5_000))]);
    if (!killed) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone meanwhile */
      }
    }
  };
  return { child, output: () => output, stop };
}

/** Polls `check` every 200 ms until it returns true; fails early when `child` exits. */
export async function waitFor(what: string, child: Child, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.child.exitCode !== null) throw new Error(`${what} exited (${child.child.exitCode}):\n${child.output().slice(-4000)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(`${what} not ready within ${timeoutMs / 1000} s:\n${child.output().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type NextServer = { url: string; process: Child };

/** `next start` from `distDir` on a free 127.0.0.1 port with `env` on top of ours; resolves once /api/health is 200. */
export async function startNextServer(distDir: string, env: Record<string, string>): Promise<NextServer> {
  const port = await freePort();
  const proc = spawnGroup(path.join(ROOT, 'node_modules/.bin/next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    ...process.env,
    ...env,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('next start', proc, 90_000, async () => (await fetch(`${url}/api/health`)).ok);
  return { url, process: proc };
}
