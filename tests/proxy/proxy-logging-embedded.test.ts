import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as connectionGET } from '@/app/api/connection/route';
import { getDefaultConnection } from '@/lib/server/connection';
import { EmulatorPortInUseError, stopEmbeddedEmulator } from '@/lib/server/embedded-emulator';
import { setLogSink } from '@/lib/server/log';
import { callProxy, signedInRequest, restoreEnv, setEnv, pointAtUpstream } from './support/harness';
import { startFaultUpstream, type FaultUpstream } from './support/fault-upstream';
import { testIdentity } from './support/identity';

const KEY = 'sk-logging-test-key-556677';
let upstream: FaultUpstream;
const lines: string[] = [];

beforeAll(async () => {
  upstream = await startFaultUpstream();
  setLogSink((line) => lines.push(line));
});
afterAll(async () => {
  setLogSink(null);
  restoreEnv();
  await upstream.close();
});
afterEach(() => {
  lines.length = 0;
  upstream.reset();
});

const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

describe('structured logs', () => {
  it('a refused query or body names the route and endpoint it was for (only an unmatched path has none)', async () => {
    pointAtUpstream(upstream.url, KEY);
    await callProxy('GET', '/threads/thread_l1/runs?limit=0');
    await callProxy('POST', '/threads/thread_l1/runs', { body: { assistant_id: 'asst_1', temperature: 9 } });
    await callProxy('GET', '/models');
    expect(parsed().filter((l) => l.event === 'proxy.request')).toEqual([
      expect.objectContaining({ status: 400, rejected: 'invalid_parameter', route: '/threads/{thread_id}/runs', endpoint: 'listRuns' }),
      expect.objectContaining({ status: 400, rejected: 'invalid_body', route: '/threads/{thread_id}/runs', endpoint: 'createRun' }),
      expect.objectContaining({ status: 404, route: null, endpoint: null }),
    ]);
    expect(upstream.hits).toHaveLength(0);
  });

  it('one JSON line per proxied request with method, route pattern, status, duration and upstream request id', async () => {
    pointAtUpstream(upstream.url, KEY);
    upstream.script({ kind: 'json', status: 200, body: { id: 'run_l1', status: 'completed' }, headers: { 'x-request-id': 'req_up_123' } });
    await callProxy('GET', '/threads/thread_l1/runs/run_l1', { headers: { authorization: `Bearer ${KEY}` } });
    const requests = parsed().filter((l) => l.event === 'proxy.request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'GET',
      route: '/threads/{thread_id}/runs/{run_id}',
      endpoint: 'getRun',
      status: 200,
      upstreamRequestId: 'req_up_123',
      durationMs: expect.any(Number),
    });
    expect(lines.join('\n')).not.toContain(KEY);
  });

  it('refused requests are logged too, and every mutation reaches the audit seam', async () => {
    pointAtUpstream(upstream.url, KEY);
    await callProxy('GET', '/threads/bad/runs');
    upstream.script({ kind: 'json', status: 200, body: { id: 'run_l1', status: 'cancelling' } });
    await callProxy('POST', '/threads/thread_l1/runs/run_l1/cancel');
    const events = parsed();
    expect(events.find((l) => l.event === 'proxy.request' && l.status === 400)).toMatchObject({ rejected: 'invalid_id', route: null });
    expect(events.find((l) => l.event === 'proxy.mutation')).toMatchObject({
      endpoint: 'cancelRun',
      caller: (await testIdentity('admin')).userId,
      params: { thread_id: 'thread_l1', run_id: 'run_l1' },
      status: 200,
    });
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('embedded emulator (no OPENAI_BASE_URL)', () => {
  afterEach(async () => {
    await stopEmbeddedEmulator();
    restoreEnv();
  });

  it('boots on EMULATOR_PORT with a generated key that is used upstream but never shown', async () => {
    const port = await freePort();
    setEnv({ OPENAI_BASE_URL: '', OPENAI_API_KEY: '', EMULATOR_PORT: String(port), RUNBOARD_LOG: 'off' });
    const connection = await getDefaultConnection();
    expect(connection).toMatchObject({ mode: 'emulator', baseUrl: `http://127.0.0.1:${port}/v1`, authStyle: 'bearer' });
    expect(connection.apiKey).toMatch(/^rb-emu-[A-Za-z0-9_-]{32}$/);
    const runs = await callProxy('GET', '/assistants?limit=1');
    expect(runs.status).toBe(200);
    const described = await (await connectionGET(await signedInRequest('/api/connection'))).text();
    expect(described).toContain('"mode":"emulator"');
    expect(described).not.toContain(connection.apiKey);
    expect(lines.join('\n')).not.toContain(connection.apiKey);
    expect(parsed().find((l) => l.event === 'embedded_emulator.started')).toMatchObject({ url: `http://127.0.0.1:${port}/v1`, keySource: 'generated' });
  });

  it('uses EMULATOR_API_KEY when set', async () => {
    const port = await freePort();
    setEnv({ OPENAI_BASE_URL: undefined, EMULATOR_PORT: String(port), EMULATOR_API_KEY: 'sk-fixed-emulator-key-1' });
    expect((await getDefaultConnection()).apiKey).toBe('sk-fixed-emulator-key-1');
  });

  it('fails with a clear message when the port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      setEnv({ OPENAI_BASE_URL: undefined, EMULATOR_PORT: String(port) });
      const error = await getDefaultConnection().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmulatorPortInUseError);
      expect((error as Error).message).toBe(
        `Runboard could not start its embedded Assistants emulator: 127.0.0.1:${port} is already in use. Stop whatever is listening there, set EMULATOR_PORT to a free port, or set OPENAI_BASE_URL (and OPENAI_API_KEY) to use another upstream.`,
      );
      const response = await callProxy('GET', '/assistants');
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/already in use/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
