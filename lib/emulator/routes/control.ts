/**
 * Emulator-only control endpoints under /__emulator (same auth as /v1, no OpenAI-Beta):
 * health, clock, request log, reset, the thread directory (the API cannot list threads) and
 * fault injection for clients' retry paths.
 */
import { z } from 'zod';
import { advanceRun } from '../engine/apply';
import { SCENARIOS } from '../scripts/courses';
import type { Call, EmulatorState, Fault } from '../state';
import { parseBody } from './input';
import type { Route } from './router';

const ClockBody = z.union([
  z.strictObject({ advance_seconds: z.number().min(0).max(10 * 365 * 86400) }),
  z.strictObject({ now: z.int().min(0).max(99_999_999_999) }),
]);

const ResetBody = z.strictObject({ seed: z.int().min(0).max(2 ** 32 - 1).optional(), seed_data: z.boolean().optional() });

const FaultBody = z.union([
  z.strictObject({
    status: z.union([z.literal(429), z.literal(500), z.literal(503)]),
    count: z.int().min(1).max(1000).default(1),
    retry_after_seconds: z.int().min(0).max(3600).default(1),
    retry_after_ms: z.int().min(0).max(60_000).optional(),
  }),
  // The next `count` streams send an in-band `error` event after the run starts, then end.
  z.strictObject({ kind: z.literal('stream_error'), count: z.int().min(1).max(1000).default(1) }),
]);

const faultList = (state: EmulatorState) => ({ object: 'list', data: state.faults, stream_errors: state.streamFaults });

/** Moves open streams forward at once after a clock change (instead of at their next tick). */
function pokeStreams(state: EmulatorState): void {
  // Deleting from a Set while iterating it is safe (a stream may finish and unregister here).
  for (const tick of state.tickers) tick();
}

function threadDirectory(call: Call) {
  const { store } = call.state.ctx;
  const items = store.threadList.items;
  const data = [];
  for (let i = items.length - 1; i >= 0; i--) {
    const thread = items[i];
    if (!thread) continue;
    const latest = thread.latestRun;
    if (latest) advanceRun(store, latest, call.now);
    const meta = thread.wire.metadata;
    const firstText = thread.messages.items[0]?.wire.content.find((c) => c.type === 'text');
    data.push({
      id: thread.id,
      title: meta.title ?? (firstText?.type === 'text' ? firstText.text.value.slice(0, 80) : thread.id),
      created_at: thread.created_at,
      // Newest run or message: lets a thread list sort by activity without N API calls.
      last_activity_at: Math.max(thread.created_at, latest?.created_at ?? 0, thread.messages.last()?.created_at ?? 0),
      metadata: meta,
      run_count: thread.runs.length,
      message_count: thread.messages.length,
      latest_run: latest ? { id: latest.id, status: latest.wire.status, assistant_id: latest.wire.assistant_id } : null,
    });
  }
  return { object: 'list', data };
}

export function controlRoutes(reset: (seed?: number, seedData?: boolean) => void): Route[] {
  return [
    {
      path: '/health',
      beta: false,
      methods: {
        GET: (call) => {
          const { store } = call.state.ctx;
          return {
            body: {
              ok: true,
              now: call.now,
              speed: call.state.clock.speed,
              seed: call.state.seed,
              counts: { assistants: store.assistants.size, threads: store.threads.size, runs: store.runs.size },
              scenarios: SCENARIOS,
              seed_summary: call.state.seedSummary,
            },
          };
        },
      },
    },
    {
      path: '/clock',
      beta: false,
      methods: {
        GET: (call) => ({ body: call.state.clock.toJSON() }),
        POST: (call) => {
          const body = parseBody(ClockBody, call.body);
          const { clock } = call.state;
          if ('advance_seconds' in body) clock.advance(body.advance_seconds);
          else clock.set(body.now);
          pokeStreams(call.state);
          return { body: clock.toJSON() };
        },
      },
    },
    {
      path: '/requests',
      beta: false,
      methods: {
        GET: (call) => ({ body: { object: 'list', data: call.state.log.list() } }),
        DELETE: (call) => {
          call.state.log.clear();
          return { body: { deleted: true } };
        },
      },
    },
    {
      path: '/reset',
      beta: false,
      methods: {
        POST: (call) => {
          const body = parseBody(ResetBody, call.body);
          reset(body.seed, body.seed_data);
          const { store } = call.state.ctx;
          return { body: { ok: true, seed: call.state.seed, threads: store.threads.size, runs: store.runs.size } };
        },
      },
    },
    { path: '/threads', beta: false, methods: { GET: (call) => ({ body: threadDirectory(call) }) } },
    {
      path: '/faults',
      beta: false,
      methods: {
        GET: (call) => ({ body: faultList(call.state) }),
        POST: (call) => {
          const body = parseBody(FaultBody, call.body);
          if ('kind' in body) {
            call.state.streamFaults += body.count;
          } else {
            const fault: Fault = { status: body.status, remaining: body.count, retryAfterSeconds: body.retry_after_seconds };
            if (body.retry_after_ms !== undefined) fault.retryAfterMs = body.retry_after_ms;
            call.state.faults.push(fault);
          }
          return { body: faultList(call.state) };
        },
        DELETE: (call) => {
          call.state.faults.length = 0;
          call.state.streamFaults = 0;
          return { body: { deleted: true } };
        },
      },
    },
  ];
}

