import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

// Starts Steady (an OpenAPI mock that validates every request against the spec) on a free 127.0.0.1 port, serving
// the vendored OpenAI spec (spec/). Its paths are served at the root (no /v1). Started in its own process group so that
// stopping it also stops the native binary its npm wrapper spawns.

export const SPEC_PATH = path.resolve(__dirname, '../../../spec/openai-openapi.yaml');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startSteady(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const bin = path.resolve(__dirname, '../../../node_modules/.bin/steady');
  const child: ChildProcess = spawn(bin, ['-p', String(port), '--host', '127.0.0.1', '-q', '--generator-seed=7', SPEC_PATH], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + 120_000;
  // Readiness is an HTTP answer, not a log line: the native binary block-buffers its stdout when piped, so its
  // "Ready" line can sit unflushed behind the startup diagnostics.
  const answers = async () => {
    try {
      await fetch(`${url}/threads/thread_ready_probe`, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      return false;
    }
  };
  while (!(await answers())) {
    if (child.exitCode !== null) throw new Error(`steady exited (${child.exitCode}): ${output}`);
    if (Date.now() > deadline) {
      stop();
      throw new Error(`steady did not start within 120 s: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop };
}
