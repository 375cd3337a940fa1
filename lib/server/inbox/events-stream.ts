import 'server-only';
import { eventBus, type BusEvent } from '@/lib/watch/events';
import { NO_STORE } from '../api-error';
import { failure } from './shared';
import { inboxCounts } from './snapshot';

// GET /api/inbox/events — one Server-Sent Events stream per tab, fed by the in-process bus: `hello` on connect
// (version, counts, watcher), `inbox` when the inbox changed, `watcher` when the watcher's state changed, a ping
// comment every 15 s. Browsers never poll the upstream; they refetch /api/inbox when told. Everything that can fail
// (the first counts) happens before the stream opens; the subscription ends with the request.

const PING_MS = 15_000;
const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

export async function handleInboxEvents(request: Request): Promise<Response> {
  const bus = eventBus();
  let counts;
  try {
    counts = await inboxCounts();
  } catch (error) {
    return failure(error, 'inbox-events');
  }
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      send(encoder.encode('retry: 3000\n\n'));
      send(frame('hello', { version: bus.version, counts, watcher: bus.watcher }));
      // Inbox events are sent in order, each with the counts as of that version.
      let chain = Promise.resolve();
      const unsubscribe = bus.subscribe((event: BusEvent) => {
        if (event.type === 'watcher') {
          send(frame('watcher', event.watcher));
          return;
        }
        chain = chain.then(async () => {
          const now = await inboxCounts().catch(() => null);
          send(frame('inbox', { version: event.version, counts: now ?? event.counts, changed: event.changed }));
        });
      });
      const ping = setInterval(() => send(encoder.encode(': ping\n\n')), PING_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(ping);
        unsubscribe();
        request.signal.removeEventListener('abort', cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener('abort', cleanup);
      if (request.signal.aborted) cleanup();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': `${NO_STORE}, no-transform`,
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
