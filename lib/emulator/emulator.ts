/**
 * createEmulator: the emulator's state plus a Node `(req, res)` handler. Framework-free so it can
 * be mounted on a plain http server (server.ts), in tests, or behind anything else.
 *
 * Order of checks per request (as the API): auth → fault injection → route (404/405) →
 * OpenAI-Beta → id prefixes → body → existence → state rules.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { EmulatorClock } from './clock';
import { EmulatorError, internalError, invalidBeta, missingApiKey, unknownUrl, wrongApiKey } from './errors';
import { IdFactory, Prng, nextRequestId } from './ids';
import { RequestLog, loggedHeaders, queryObject } from './request-log';
import { assistantRoutes } from './routes/assistants';
import { controlRoutes } from './routes/control';
import { fileRoutes } from './routes/files';
import { Router, checkIds, type Match } from './routes/router';
import { runRoutes } from './routes/runs';
import { stepRoutes } from './routes/steps';
import { threadRoutes } from './routes/threads';
import { isMissingInProfile, routeNotFoundBody, type EmulatorProfile } from './profile';
import { seedDemoData } from './seed';
import type { Call, EmulatorState, Reply } from './state';
import { Store } from './store';
import type { EngineCtx } from './engine/context';

export interface EmulatorOptions {
  /** When set, exactly this Bearer key is accepted; otherwise any non-empty key. */
  apiKey?: string;
  /** Emulator seconds per real second (default 1; 0 = time moves only via the clock endpoint). */
  speed?: number;
  /** PRNG seed for ids and demo data (default 20260826). */
  seed?: number;
  /** Emulator start time, Unix seconds (default: now). */
  now?: number;
  /** Seed the demo assistants/threads/runs (default true). */
  seedData?: boolean;
  /** `openai-poll-after-ms` on active run retrieves (default ~1 emulator second in real ms). */
  pollAfterMs?: number;
  /** `full` (default): the API as OpenAI served it; `sparse`: a partial third-party facade (see profile.ts). */
  profile?: EmulatorProfile;
}

export interface Emulator {
  handle(req: IncomingMessage, res: ServerResponse): void;
  readonly clock: EmulatorClock;
  readonly store: Store;
  readonly state: EmulatorState;
  reset(seed?: number): void;
}

const DEFAULT_SEED = 20260826;
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const BASE = '/v1';
const CONTROL = '/__emulator';

function freshCtx(seed: number, profile: EmulatorProfile): EngineCtx {
  const prng = new Prng(seed);
  return { store: new Store(), prng, ids: new IdFactory(prng, profile === 'sparse' ? 'nanoid' : 'openai') };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new EmulatorError(413, 'Request body too large.'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function checkAuth(state: EmulatorState, header: string | undefined): void {
  const m = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m?.[1]) throw missingApiKey();
  if (state.apiKey === undefined) return;
  const got = Buffer.from(m[1]);
  const want = Buffer.from(state.apiKey);
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw wrongApiKey();
}

function takeFault(state: EmulatorState): EmulatorError | null {
  const fault = state.faults[0];
  if (!fault) return null;
  fault.remaining -= 1;
  if (fault.remaining <= 0) state.faults.shift();
  const headers: Record<string, string> = { 'retry-after': String(fault.retryAfterSeconds) };
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  if (fault.status === 429) {
    return new EmulatorError(429, 'Rate limit reached for requests. Please try again later.', 'requests', null, 'rate_limit_exceeded', {
      ...headers,
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${fault.retryAfterSeconds}s`,
    });
  }
  if (fault.status === 503) return new EmulatorError(503, 'The engine is currently overloaded, please try again later.', 'server_error', null, null, headers);
  return new EmulatorError(500, internalError().message, 'server_error', null, null, headers);
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const clock = new EmulatorClock({ speed: opts.speed ?? 1, ...(opts.now !== undefined ? { now: opts.now } : {}) });
  const speed = clock.speed;
  const profile = opts.profile ?? 'full';
  const state: EmulatorState = {
    clock,
    profile,
    ctx: freshCtx(opts.seed ?? DEFAULT_SEED, profile),
    apiKey: opts.apiKey || undefined,
    seed: opts.seed ?? DEFAULT_SEED,
    seedData: opts.seedData ?? true,
    pollAfterMs: opts.pollAfterMs ?? (speed > 0 ? Math.min(5000, Math.max(10, Math.round(1000 / speed))) : 1000),
    log: new RequestLog(),
    faults: [],
    streamFaults: 0,
    tickers: new Set(),
    seedSummary: '',
  };

  const reset = (seed?: number, seedData?: boolean) => {
    if (seed !== undefined) state.seed = seed;
    if (seedData !== undefined) state.seedData = seedData;
    state.ctx = freshCtx(state.seed, profile);
    state.faults.length = 0;
    state.streamFaults = 0;
    state.seedSummary = seedDemoData(state.ctx, clock.now(), state.seedData, profile);
  };
  reset();

  const v1 = new Router([...assistantRoutes, ...threadRoutes, ...runRoutes, ...stepRoutes, ...fileRoutes]);
  const control = new Router(controlRoutes(reset));

  const send = (res: ServerResponse, status: number, reply: Reply, headers: Record<string, string>, started: number) => {
    const data = reply.raw ? reply.raw.data : Buffer.from(JSON.stringify(reply.body));
    res.writeHead(status, {
      ...headers,
      ...reply.headers,
      'content-type': reply.raw ? reply.raw.contentType : 'application/json',
      'content-length': String(data.length),
      'openai-processing-ms': String(Math.max(1, Math.round(performance.now() - started))),
    });
    res.end(data);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = nextRequestId();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
    const baseHeaders: Record<string, string> = {
      // The emulator's own clock (it can be moved): clients measure run ages on the upstream's time, as with a real one.
      date: new Date(clock.nowExact() * 1000).toUTCString(),
      'x-request-id': requestId,
      'openai-version': '2020-10-01',
      'openai-organization': 'runboard-emulator',
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-reset-requests': '6ms',
      'x-ratelimit-limit-tokens': '2000000',
      'x-ratelimit-remaining-tokens': '1999000',
      'x-ratelimit-reset-tokens': '30ms',
    };
    const now = clock.now();
    let status = 200;
    let streamed = false;
    try {
      const body = await readBody(req);
      checkAuth(state, req.headers.authorization);
      let match: Match;
      if (path === BASE || path.startsWith(`${BASE}/`)) {
        const fault = takeFault(state);
        if (fault) throw fault;
        if (isMissingInProfile(profile, method, path.slice(BASE.length))) {
          status = 404;
          send(res, status, { body: routeNotFoundBody(method, path) }, baseHeaders, started);
          return;
        }
        match = v1.match(method, path.slice(BASE.length), path);
        if (match.route.beta && req.headers['openai-beta'] !== 'assistants=v2') throw invalidBeta(req.headers['openai-beta'] as string | undefined);
        checkIds(match.params, profile === 'sparse' ? 'any' : 'openai');
      } else if (path.startsWith(`${CONTROL}/`)) {
        match = control.match(method, path.slice(CONTROL.length), path);
      } else {
        throw unknownUrl(method, path);
      }
      const call: Call = { state, req, res, params: match.params, query: url.searchParams, body, now, baseHeaders, startedMs: started };
      const reply = match.handler(call);
      if (reply === 'streamed') streamed = true;
      else {
        status = reply.status ?? 200;
        send(res, status, reply, baseHeaders, started);
      }
    } catch (err) {
      const error = err instanceof EmulatorError ? err : internalError();
      if (!(err instanceof EmulatorError)) console.error('[emulator] unexpected error', err);
      status = error.status;
      if (res.headersSent) res.end();
      else send(res, status, { body: error.toBody(), headers: error.headers }, baseHeaders, started);
    } finally {
      if (!(method === 'GET' && path === `${CONTROL}/requests`)) {
        state.log.add({
          request_id: requestId,
          method,
          path,
          query: queryObject(url.searchParams),
          status,
          at: now,
          received_at: new Date().toISOString(),
          duration_ms: Math.round((performance.now() - started) * 100) / 100,
          streamed,
          headers: loggedHeaders(req.headers),
        });
      }
    }
  }

  return {
    handle: (req, res) => void handle(req, res),
    clock,
    get store() {
      return state.ctx.store;
    },
    state,
    reset: (seed?: number) => reset(seed),
  };
}
