// A Runboard server whose upstream is Steady (an OpenAPI mock that answers with random objects valid against the
// official spec), for the robustness spec. Runboard's proxy sends only server-set headers upstream, so the browser
// cannot pick Steady's seed; a tiny relay between the proxy and Steady adds `X-Steady-Seed` (and an array size)
// from what the test last set, and strips the `/v1` base path (Steady serves the spec's paths at the root).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test as base } from '../fixtures';
import { tokenOf } from './identities';
import { startSparseUpstream } from './sparse-upstream';
import { ROOT, freePort, spawnGroup, startNextServer, waitFor, type Child, type NextServer } from './processes';

export const SPEC_PATH = path.join(ROOT, 'spec/openai-openapi.yaml');
export const ROBUSTNESS_API_KEY = 'sk-test-robustness';

export async function startSteady(): Promise<{ url: string; process: Child }> {
  const port = await freePort();
  const proc = spawnGroup(path.join(ROOT, 'node_modules/.bin/steady'), ['-p', String(port), '--host', '127.0.0.1', '-q', SPEC_PATH], process.env);
  // Loading the 3 MB spec takes ~7 s on an idle machine; this one is shared, so allow far more.
  const url = `http://127.0.0.1:${port}`;
  // Readiness is an HTTP answer, not a log line: the native binary block-buffers its stdout when piped.
  await waitFor('steady', proc, 120_000, async () => {
    await fetch(`${url}/threads/thread_ready_probe`, { signal: AbortSignal.timeout(2_000) });
    return true;
  });
  return { url, process: proc };
}

/** One request the relay passed on, with what Steady said about it. */
export type RelayRecord = { seed: number; method: string; path: string; status: number; requestValid: string | undefined; problems: string[] };

export type SeedRelay = {
  url: string;
  /** Every following upstream request gets this seed, and arrays of 1..`arrayMax` items. */
  setSeed(seed: number, arrayMax?: number): void;
  records: RelayRecord[];
  close(): Promise<void>;
};

export async function startSeedRelay(steadyUrl: string): Promise<SeedRelay> {
  let seed = 1;
  let arrayMax = 1;
  const records: RelayRecord[] = [];
  const target = new URL(steadyUrl);
  const server = http.createServer((req, res) => {
    const upstreamPath = (req.url ?? '/').replace(/^\/v1(?=\/|$)/, '') || '/';
    const headers = { ...req.headers, host: target.host, 'x-steady-seed': String(seed), 'x-steady-array-max': String(arrayMax) };
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: upstreamPath, headers }, (up) => {
      const problems = Object.entries(up.headers)
        .filter(([k]) => /^x-steady-error-\d+-message$/.test(k))
        .map(([, v]) => String(v));
      records.push({ seed, method: req.method ?? 'GET', path: upstreamPath, status: up.statusCode ?? 0, requestValid: up.headers['x-steady-request-valid'] as string | undefined, problems });
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', (error) => {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `relay: ${error.message}`, type: 'relay_error', param: null, code: null } }));
    });
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    setSeed(next, max = 1) {
      seed = next;
      arrayMax = max;
    },
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runboard (`next start` from $E2E_DIST_DIR) with `upstreamUrl` as OPENAI_BASE_URL, on the shared e2e database: its
 * users, sessions and secret are the main server's, so the signed-in admin's cookie (sent to every 127.0.0.1 port)
 * works here too.
 */
export async function startRunboardOver(upstreamUrl: string, connectionId: string): Promise<NextServer & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'runboard-robust-'));
  const server = await startNextServer(process.env.E2E_DIST_DIR ?? '.next-e2e', {
    OPENAI_BASE_URL: upstreamUrl,
    // The database (and its people and tokens) is the main e2e server's; this upstream's threads and runs are filed
    // under their own connection, so neither server takes the other's threads for its own (the capability probe asks
    // about a thread seen on this connection; the watcher watches this connection's runs).
    RUNBOARD_CONNECTION_ID: connectionId,
    OPENAI_API_KEY: ROBUSTNESS_API_KEY,
    RUNBOARD_DB_FILE: process.env.E2E_DB_FILE ?? path.join(dataDir, 'runboard.db'),
    // Every seed must reach the upstream: no answer may be reused across seeds, and no retry may mask a failure.
    RUNBOARD_POLL_CACHE_MS: '0',
    RUNBOARD_UPSTREAM_RETRIES: '0',
    RUNBOARD_LOG: 'off',
  });
  return {
    ...server,
    async stop() {
      await server.process.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type SteadyApp = { url: string; relay: SeedRelay };
export type SparseApp = { url: string; requests: string[] };

/**
 * Worker-scoped, started on first use and torn down after the worker: `steadyApp` is Runboard over Steady (through
 * the seed relay); `sparseApp` is Runboard over the sparse facade (sparse-upstream.ts).
 */
export const test = base.extend<object, { steadyApp: SteadyApp; sparseApp: SparseApp }>({
  steadyApp: [
    async ({}, use) => {
      const steady = await startSteady();
      const relay = await startSeedRelay(steady.url);
      let app: Awaited<ReturnType<typeof startRunboardOver>> | undefined;
      try {
        app = await startRunboardOver(relay.url, 'robustness-steady');
        // Runboard probes what its upstream can do (including GET /threads, which the spec does not have) the first
        // time a page asks; doing it here, under a seed no test judges, keeps each seed's record to the pages' own requests.
        relay.setSeed(0);
        const probed = await fetch(`${app.url}/api/connection/capabilities`, { headers: { authorization: `Bearer ${tokenOf('admin')}` } });
        if (!probed.ok) throw new Error(`the capability probe of Runboard over Steady answered ${probed.status}: ${await probed.text()}`);
        await use({ url: app.url, relay });
      } finally {
        await app?.stop();
        await relay.close();
        await steady.process.stop();
      }
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  sparseApp: [
    async ({}, use) => {
      const upstream = await startSparseUpstream();
      let app: Awaited<ReturnType<typeof startRunboardOver>> | undefined;
      try {
        app = await startRunboardOver(upstream.url, 'robustness-sparse');
        await use({ url: app.url, requests: upstream.requests });
      } finally {
        await app?.stop();
        await upstream.close();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect } from '../fixtures';
