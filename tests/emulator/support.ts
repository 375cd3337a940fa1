/**
 * Test harness for the emulator: a real server on port 0 (clock frozen: speed 0), a fetch that
 * validates EVERY response it sees against the spec (validateAgainstSpec) and our zod contract,
 * SSE bodies event by event, and an openai SDK client wired through that fetch.
 *
 * Tests never sleep: they move the emulator clock (`advance`), or let the SDK client advance it
 * before each run poll (`sdk({ advancePerPoll })`).
 */
import OpenAI from 'openai';
import { expect } from 'vitest';
import {
  ApiErrorEnvelope,
  STREAM_EVENT_PAYLOADS,
  createSseParser,
  isStreamEventName,
  matchEndpoint,
  type StreamEventName,
} from '@/lib/contract';
import { startEmulatorServer, type EmulatorServer } from '@/lib/emulator/server';
import { SPEC_RESPONSE_SCHEMA, specSchemaForStreamEvent, validateAgainstSpec } from '@/tests/support/spec';

export interface SseEvent {
  event: string;
  data: unknown;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface Harness {
  server: EmulatorServer;
  url: string;
  origin: string;
  apiKey: string;
  /** Problems found by the validating fetch; `expectAllValid()` asserts there are none. */
  problems: string[];
  /** How many JSON bodies / SSE events were validated (so a test can show it validated something). */
  validated: { bodies: number; events: number };
  fetch: typeof fetch;
  api<T = any>(method: string, path: string, opts?: { body?: unknown; rawBody?: string; headers?: Record<string, string | null> }): Promise<ApiResponse<T>>;
  stream(method: string, path: string, body: unknown): Promise<SseEvent[]>;
  control<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  advance(seconds: number): void;
  sdk(opts?: { advancePerPoll?: number }): OpenAI;
  expectAllValid(): Promise<void>;
  close(): Promise<void>;
}

const RUN_PATH = /\/threads\/[^/]+\/runs\/[^/]+$/;

export async function startHarness(opts: { seed?: number; seedData?: boolean; apiKey?: string } = {}): Promise<Harness> {
  const apiKey = opts.apiKey ?? 'sk-emulator-test-key';
  const server = await startEmulatorServer({ port: 0, speed: 0, pollAfterMs: 1, apiKey, seed: opts.seed ?? 7, seedData: opts.seedData ?? true });
  const origin = new URL(server.url).origin;
  const problems: string[] = [];
  const pending: Promise<void>[] = [];
  const validated = { bodies: 0, events: 0 };

  const check = (label: string, specName: string | null, zodSchema: { safeParse(v: unknown): { success: boolean; error?: unknown } } | null, value: unknown) => {
    if (specName) {
      const r = validateAgainstSpec(specName, value);
      if (!r.valid) problems.push(`${label}: spec ${specName}: ${r.errors.slice(0, 5).join('; ')}`);
    }
    if (zodSchema) {
      const z = zodSchema.safeParse(value);
      if (!z.success) problems.push(`${label}: zod: ${String(z.error).slice(0, 400)}`);
    }
  };

  const validateSse = async (label: string, res: Response) => {
    const parser = createSseParser();
    const decoder = new TextDecoder();
    const reader = res.body?.getReader();
    if (!reader) return;
    const onFrame = (frame: { event: string; data: string }) => {
      if (frame.data === '[DONE]') return;
      validated.events += 1;
      if (!isStreamEventName(frame.event)) return void problems.push(`${label}: unknown event ${frame.event}`);
      const data = JSON.parse(frame.data);
      const name = frame.event as Exclude<StreamEventName, 'done'>;
      check(`${label} ${name}`, specSchemaForStreamEvent(name), name === 'error' ? ApiErrorEnvelope : STREAM_EVENT_PAYLOADS[name], data);
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(decoder.decode(value, { stream: true })).forEach(onFrame);
      }
      parser.end().forEach(onFrame);
    } catch {
      // Aborted by the test (e.g. a stuck run's stream): what arrived was validated.
    }
  };

  const validatingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const res = await fetch(input, init);
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    if (!url.pathname.startsWith('/v1/')) return res;
    const label = `${method} ${url.pathname}${url.search} → ${res.status}`;
    const type = res.headers.get('content-type') ?? '';
    if (type.startsWith('text/event-stream')) {
      pending.push(validateSse(label, res.clone()));
      return res;
    }
    if (!type.startsWith('application/json')) return res;
    const body = await res.clone().json();
    validated.bodies += 1;
    if (res.status >= 400) {
      check(label, 'ErrorResponse', ApiErrorEnvelope, body);
      return res;
    }
    const match = matchEndpoint(method, url.pathname.slice(3));
    if (!match.ok) {
      problems.push(`${label}: 2xx on a path the contract does not know`);
      return res;
    }
    const specName = (SPEC_RESPONSE_SCHEMA as Record<string, string>)[match.endpoint.id] ?? null;
    check(label, specName, match.endpoint.response, body);
    return res;
  }) as typeof fetch;

  const headers = (extra: Record<string, string | null> = {}) => {
    const h: Record<string, string> = { authorization: `Bearer ${apiKey}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' };
    for (const [k, v] of Object.entries(extra)) {
      if (v === null) delete h[k];
      else h[k] = v;
    }
    return h;
  };

  const harness: Harness = {
    server,
    url: server.url,
    origin,
    apiKey,
    problems,
    validated,
    fetch: validatingFetch,
    async api(method, path, o = {}) {
      const body = o.rawBody ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
      const res = await validatingFetch(`${server.url}${path}`, { method, headers: headers(o.headers), ...(body !== undefined ? { body } : {}) });
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, headers: res.headers, body: type.startsWith('application/json') ? await res.json() : await res.text() };
    },
    async stream(method, path, body) {
      const res = await validatingFetch(`${server.url}${path}`, { method, headers: headers(), body: JSON.stringify(body) });
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const text = await res.text();
      const parser = createSseParser();
      const frames = [...parser.push(text), ...parser.end()];
      return frames.map((f) => ({ event: f.event, data: f.data === '[DONE]' ? '[DONE]' : JSON.parse(f.data) }));
    },
    async control(method, path, body) {
      const res = await fetch(`${origin}/__emulator${path}`, { method, headers: headers(), ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
      return (await res.json()) as never;
    },
    advance(seconds) {
      server.emulator.clock.advance(seconds);
      for (const tick of server.emulator.state.tickers) tick();
    },
    sdk(o = {}) {
      const advancePerPoll = o.advancePerPoll ?? 0;
      const sdkFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
        if (advancePerPoll > 0 && (init?.method ?? 'GET') === 'GET' && RUN_PATH.test(url.pathname)) harness.advance(advancePerPoll);
        return validatingFetch(input, init);
      }) as typeof fetch;
      return new OpenAI({ apiKey, baseURL: server.url, fetch: sdkFetch, maxRetries: 0 });
    },
    async expectAllValid() {
      await Promise.allSettled(pending.splice(0));
      // Reported once: the next test starts clean.
      expect(problems.splice(0)).toEqual([]);
    },
    close: () => server.close(),
  };
  return harness;
}

/** Polls (advancing the clock) until the run leaves the given statuses; returns the run. */
export async function waitWhile(h: Harness, threadId: string, runId: string, statuses: string[], step = 1, maxSteps = 2000): Promise<any> {
  for (let i = 0; i < maxSteps; i++) {
    const { body } = await h.api('GET', `/threads/${threadId}/runs/${runId}`);
    if (!statuses.includes(body.status)) return body;
    h.advance(step);
  }
  throw new Error(`run ${runId} still in ${statuses.join('/')}`);
}
