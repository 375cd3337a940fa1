import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { pointAtUpstream, restoreEnv } from './harness';

// A tiny scriptable upstream on 127.0.0.1 for fault tests: each request is answered by the next scripted behaviour
// (or the default), and every hit is recorded with its method, path, query and headers so tests can count retries
// and inspect exactly what the proxy sent.

export type Hit = { method: string; path: string; query: string; headers: http.IncomingHttpHeaders; body: string };

export type Behaviour =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'sse'; events: Array<{ event: string; data: string }>; holdOpen?: boolean; thenReset?: boolean }
  /** Waits for `gate` before answering with `answer` (to hold requests in flight deterministically). */
  | { kind: 'gated'; gate: Promise<void>; answer: Behaviour };

export type FaultUpstream = {
  url: string;
  hits: Hit[];
  /** Next requests get these behaviours in order; afterwards `fallback`. */
  script: (...behaviours: Behaviour[]) => void;
  setFallback: (behaviour: Behaviour) => void;
  reset: () => void;
  /** Resolves when a request with a closed client connection was observed (streams aborted by the proxy). */
  closedConnections: () => number;
  close: () => Promise<void>;
};

export const okRun = (id = 'run_fault1', status = 'in_progress') => ({
  id,
  object: 'thread.run',
  created_at: 1_700_000_000,
  thread_id: 'thread_fault1',
  assistant_id: 'asst_fault1',
  status,
});

export async function startFaultUpstream(): Promise<FaultUpstream> {
  const hits: Hit[] = [];
  let queue: Behaviour[] = [];
  let fallback: Behaviour = { kind: 'json', status: 200, body: okRun() };
  let closed = 0;
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      hits.push({ method: req.method ?? '', path: url.pathname, query: url.search, headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.on('close', () => {
        if (!res.writableFinished) closed += 1;
      });
      answer(queue.shift() ?? fallback, req, res);
    });
  });
  const answer = (behaviour: Behaviour, req: http.IncomingMessage, res: http.ServerResponse): void => {
    switch (behaviour.kind) {
      case 'gated':
        void behaviour.gate.then(() => answer(behaviour.answer, req, res));
        return;
      case 'json':
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(JSON.stringify(behaviour.body));
        return;
      case 'raw':
        res.writeHead(behaviour.status, { 'content-type': 'application/json', ...behaviour.headers });
        res.end(behaviour.body);
        return;
      case 'hang':
        return; // never answer; the proxy's timeout must fire
      case 'reset':
        req.socket.destroy();
        return;
      case 'sse':
        res.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'req_upstream_sse' });
        for (const e of behaviour.events) res.write(`event: ${e.event}\ndata: ${e.data}\n\n`);
        if (behaviour.thenReset) setImmediate(() => req.socket.destroy());
        else if (!behaviour.holdOpen) res.end();
        return;
    }
  };
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    hits,
    script: (...behaviours) => queue.push(...behaviours),
    setFallback: (behaviour) => {
      fallback = behaviour;
    },
    reset: () => {
      hits.length = 0;
      queue = [];
      closed = 0;
      fallback = { kind: 'json', status: 200, body: okRun() };
    },
    closedConnections: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * The hooks every fault-upstream suite needs: one upstream per file, reset and pointed at with a clean env before
 * each test (after `beforeEachExtra`, for suites that clear more state). Returns an accessor because the server only
 * exists once beforeAll has run.
 */
export function faultUpstreamPerFile(apiKey: string, env: Record<string, string> = {}, beforeEachExtra?: () => void): () => FaultUpstream {
  let upstream: FaultUpstream | undefined;
  beforeAll(async () => {
    upstream = await startFaultUpstream();
  });
  afterAll(async () => {
    restoreEnv();
    await upstream?.close();
  });
  beforeEach(() => {
    upstream!.reset();
    restoreEnv();
    beforeEachExtra?.();
    pointAtUpstream(upstream!.url, apiKey, env);
  });
  return () => upstream!;
}

