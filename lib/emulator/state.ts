/** The emulator instance's mutable state, shared by the HTTP layer and the route handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorClock } from './clock';
import type { EngineCtx } from './engine/context';
import type { EmulatorProfile } from './profile';
import type { RequestLog } from './request-log';

export interface Fault {
  status: 429 | 500 | 503;
  remaining: number;
  retryAfterSeconds: number;
  /** Also sent as `retry-after-ms` (the SDKs honour it; lets tests retry without waiting). */
  retryAfterMs?: number;
}

export interface EmulatorState {
  clock: EmulatorClock;
  profile: EmulatorProfile;
  /** Replaced wholesale by reset(). */
  ctx: EngineCtx;
  apiKey: string | undefined;
  seed: number;
  seedData: boolean;
  pollAfterMs: number;
  log: RequestLog;
  faults: Fault[];
  /** Streams still to break with an in-band `error` event (fault kind stream_error). */
  streamFaults: number;
  /** Open streams; poked when the clock is moved so they emit what became due at once. */
  tickers: Set<() => void>;
  /** One line describing the seeded data (printed by main.ts). */
  seedSummary: string;
}

/** One request as seen by a route handler. */
export interface Call {
  state: EmulatorState;
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  body: Buffer;
  /** Emulator time when the request arrived (integer seconds). */
  now: number;
  /** Headers every response carries (x-request-id, ...); streams write them too. */
  baseHeaders: Record<string, string>;
  /** performance.now() at arrival, for openai-processing-ms. */
  startedMs: number;
}

export interface Reply {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Raw bytes instead of JSON (file content). */
  raw?: { contentType: string; data: Buffer };
}

/** A handler either answers, or takes over the response (SSE) and returns 'streamed'. */
export type Handler = (call: Call) => Reply | 'streamed';
