/** startEmulatorServer: the emulator on a real Node http server (keep-alive, base path /v1). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator';

export interface EmulatorServerOptions extends EmulatorOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1: the emulator is a local tool, not a public service. */
  host?: string;
}

export interface EmulatorServer {
  /** `http://127.0.0.1:PORT/v1` — use as the SDK's baseURL. */
  url: string;
  port: number;
  /** The emulator behind the server (tests may use its clock/store directly). */
  emulator: Emulator;
  close(): Promise<void>;
}

export function startEmulatorServer(opts: EmulatorServerOptions): Promise<EmulatorServer> {
  const { port, host = '127.0.0.1', ...rest } = opts;
  const emulator = createEmulator(rest);
  const server = createServer({ keepAlive: true }, emulator.handle);
  // Benchmarks and SDKs reuse connections; keep them open a little longer than clients do.
  server.keepAliveTimeout = 10_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
      resolve({
        url: `http://${shownHost}:${address.port}/v1`,
        port: address.port,
        emulator,
        close: () =>
          new Promise<void>((done) => {
            // Open SSE streams of stuck runs would otherwise keep the server alive forever.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
