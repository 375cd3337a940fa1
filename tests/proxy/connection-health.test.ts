import { describe, expect, it } from 'vitest';
import { GET as connectionGET } from '@/app/api/connection/route';
import { GET as healthGET } from '@/app/api/health/route';
import { SUNSET_MESSAGE, checkConnection, clearConnectionChecks } from '@/lib/server/connection-check';
import { createConnection } from '@/lib/upstream/connection';
import { callProxy, signedInRequest, setEnv, pointAtUpstream } from './support/harness';
import { type FaultUpstream, faultUpstreamPerFile } from './support/fault-upstream';

const KEY = 'sk-connection-test-key-WXYZ';

type ConnectionBody = {
  connection: { name: string; host: string; baseUrl: string; authStyle: string; maskedKey: string; mode: string };
  check: { status: string; message: string; httpStatus: number | null };
};

async function getConnection(): Promise<{ status: number; text: string; body: ConnectionBody }> {
  const response = await connectionGET(await signedInRequest('/api/connection'));
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as ConnectionBody };
}

const upstream = faultUpstreamPerFile(KEY, { RUNBOARD_CONNECTION_NAME: 'Support staging' }, () => clearConnectionChecks());

describe('GET /api/connection', () => {
  it('describes the connection with a masked key and reports a reachable Assistants server', async () => {
    upstream().setFallback({ kind: 'json', status: 200, body: { object: 'list', data: [], first_id: null, last_id: null, has_more: false } });
    const { status, text, body } = await getConnection();
    expect(status).toBe(200);
    expect(body.connection).toMatchObject({
      name: 'Support staging',
      host: new URL(upstream().url).host,
      baseUrl: upstream().url,
      authStyle: 'bearer',
      maskedKey: '…WXYZ',
      mode: 'upstream',
    });
    expect(body.check.status).toBe('ok');
    expect(text).not.toContain(KEY);
    expect(upstream().hits[0]).toMatchObject({ method: 'GET', path: '/v1/assistants', query: '?limit=1' });
  });

  it.each([
    [{ kind: 'json', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } }, 'unauthorized', /refused the configured key \(HTTP 401\)/],
    [{ kind: 'json', status: 404, body: { error: { message: 'Not found' } } }, 'not_assistants', /no Assistants endpoints/],
    [{ kind: 'raw', status: 200, body: '<html>hello</html>' }, 'not_assistants', /not JSON.*Assistants v2 server/],
    [{ kind: 'json', status: 200, body: { hello: 'world' } }, 'not_assistants', /not an Assistants list/],
    [{ kind: 'reset' }, 'unreachable', /Could not reach upstream/],
  ] as const)('check result %#: %s', async (behaviour, expected, message) => {
    upstream().setFallback(behaviour as Parameters<FaultUpstream['setFallback']>[0]);
    const { text, body } = await getConnection();
    expect(body.check.status).toBe(expected);
    expect(body.check.message).toMatch(message);
    expect(text).not.toContain(KEY);
  });

  it('times out a hanging upstream', async () => {
    pointAtUpstream(upstream().url, KEY, { RUNBOARD_UPSTREAM_TIMEOUT_MS: '150' });
    upstream().setFallback({ kind: 'hang' });
    expect((await getConnection()).body.check).toMatchObject({ status: 'timeout', message: expect.stringMatching(/within 150 ms/) });
  });

  it('caches the live check for a few seconds (a polling banner costs no upstream traffic)', async () => {
    upstream().setFallback({ kind: 'json', status: 200, body: { object: 'list', data: [] } });
    for (let i = 0; i < 4; i += 1) await getConnection();
    expect(upstream().hits).toHaveLength(1);
  });

  it('explains the OpenAI sunset for api.openai.com', async () => {
    const openai = createConnection({
      id: 'openai', name: 'OpenAI', mode: 'upstream', baseUrl: 'https://api.openai.com/v1', apiKey: KEY, authStyle: 'bearer',
      apiVersion: null, organization: null, project: null, timeoutMs: 1000, maxRetries: 0,
    });
    const notFound: typeof fetch = async () => Response.json({ error: { message: 'Invalid URL (GET /v1/assistants)' } }, { status: 404 });
    const check = await checkConnection(openai, notFound);
    expect(check).toMatchObject({ status: 'sunset', httpStatus: 404 });
    expect(check.message).toBe(SUNSET_MESSAGE);
    expect(check.message).toMatch(/switched the Assistants API off on 2026-08-26/);
  });
});

describe('GET /api/health', () => {
  it('is ready with a valid configuration, without calling the upstream', async () => {
    const response = await healthGET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', mode: 'upstream' });
    expect(upstream().hits).toHaveLength(0);
  });

  it('is not ready when the configuration is bad, and says which variable is wrong', async () => {
    setEnv({ RUNBOARD_UPSTREAM_TIMEOUT_MS: 'fast', OPENAI_API_KEY: undefined });
    const response = await healthGET();
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toMatch(/RUNBOARD_UPSTREAM_TIMEOUT_MS must be a whole number/);
    expect(error.message).toMatch(/OPENAI_API_KEY is required when OPENAI_BASE_URL is set/);
  });

  it('the proxy answers 503 naming the bad variable, without calling anything', async () => {
    setEnv({ RUNBOARD_POLL_CACHE_MS: 'often' });
    const response = await callProxy('GET', '/assistants');
    expect(response.status).toBe(503);
    const { error } = (await response.json()) as { error: { message: string; code: string } };
    expect(error).toMatchObject({ code: 'bad_config', message: expect.stringMatching(/RUNBOARD_POLL_CACHE_MS must be a whole number between 0 and 10000 \(got "often"\)/) });
    expect(upstream().hits).toHaveLength(0);
  });
});
