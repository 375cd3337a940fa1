/**
 * Server-Sent Events for streamed runs. The stream is a listener on the run: every beat applied
 * to the run (by this stream's own ticks, or by any other request that reads the run) is written
 * as the API's events. The stream ends with `event: done` / `data: [DONE]` once the run pauses
 * in requires_action or reaches a terminal status, as the API's streams do.
 */
import { encodeSseEvent, isTerminalRunStatus } from '../contract';
import { advanceRun } from './engine/apply';
import type { Call } from './state';
import type { RunListener, RunRec } from './store';

/** Real-time period of a stream's tick (only matters for runs that wait on the clock). */
const TICK_MS = 100;

const isStopEvent = (event: string, run: RunRec) =>
  event.startsWith('thread.run.') &&
  !event.startsWith('thread.run.step.') &&
  (run.wire.status === 'requires_action' || isTerminalRunStatus(run.wire.status));

export function streamRun(
  call: Call,
  run: RunRec,
  opts: { includeContent: boolean; prelude?: Array<[string, unknown]>; start: (listener: RunListener) => void },
): 'streamed' {
  const { res, state } = call;
  res.writeHead(200, {
    ...call.baseHeaders,
    'openai-processing-ms': String(Math.max(1, Math.round(performance.now() - call.startedMs))),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  const write = (event: string, data: unknown) => res.write(encodeSseEvent(event, data));

  const cleanup = () => {
    run.listeners.delete(listener);
    state.tickers.delete(tick);
    if (timer) clearInterval(timer);
  };
  const finish = () => {
    if (finished) return;
    finished = true;
    write('done', '[DONE]');
    res.end();
    cleanup();
  };
  const listener: RunListener = {
    includeContent: opts.includeContent,
    send(event, data) {
      if (finished) return;
      write(event, data);
      // Let the beat being applied finish its events first; `done` is always last.
      if (isStopEvent(event, run)) queueMicrotask(finish);
    },
  };
  const tick = () => {
    if (!finished) advanceRun(state.ctx.store, run, state.clock.now());
  };

  for (const [event, data] of opts.prelude ?? []) write(event, data);
  if (state.streamFaults > 0) {
    // Injected fault: a few events, then an in-band error and the end; the run itself carries on.
    state.streamFaults -= 1;
    let forwarded = 0;
    const limited: RunListener = {
      includeContent: opts.includeContent,
      send(event, data) {
        if (forwarded++ < 3) write(event, data);
      },
    };
    run.listeners.add(limited);
    opts.start(limited);
    advanceRun(state.ctx.store, run, state.clock.now());
    run.listeners.delete(limited);
    write('error', { error: { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null } });
    finished = true; // no `done`: the connection just ends after the error, as a failing server's would
    res.end();
    return 'streamed';
  }
  run.listeners.add(listener);
  opts.start(listener);
  tick();
  if (!finished) {
    state.tickers.add(tick);
    timer = setInterval(tick, TICK_MS);
    timer.unref();
  }
  res.on('close', () => {
    finished = true;
    cleanup();
  });
  return 'streamed';
}
