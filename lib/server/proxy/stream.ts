import 'server-only';
import type { Endpoint } from '@/lib/contract';
import { upstreamStream, type UpstreamRequest } from '@/lib/upstream/client';
import { connectionHost, type Connection } from '@/lib/upstream/connection';
import { tryParseJson } from '@/lib/upstream/json';
import { bufferedToResponse, type BufferedAnswer } from './buffered';
import { passThroughHeaders } from './upstream-headers';

// Streaming forwarding (`stream: true`). Every check happened before this point; from here the upstream's SSE bytes
// are handed to the client chunk by chunk as they arrive (pull-based, nothing accumulated). The client's disconnect
// aborts the upstream request (request.signal) and cancelling our body cancels the upstream reader. If the upstream
// breaks mid-stream, the client gets an in-band `error` event in the shape the SDKs understand, then the end.

export type StreamOutcome = 'completed' | 'client_closed' | 'upstream_broken';

const encoder = new TextEncoder();

export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  // no-transform keeps compression middleware (and CDNs) from buffering the stream; X-Accel-Buffering: no does the
  // same for nginx.
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

function errorFrame(message: string): Uint8Array {
  const data = JSON.stringify({ error: { message, type: 'upstream_error', param: null, code: 'upstream_stream_broken' } });
  return encoder.encode(`event: error\ndata: ${data}\n\n`);
}

export async function forwardStream(
  connection: Connection,
  endpoint: Endpoint,
  request: UpstreamRequest,
  extraHeaders: Record<string, string>,
  /** Called once when a started stream ends (not called when the upstream refused before streaming). */
  onEnd: (outcome: StreamOutcome) => void,
): Promise<{ response: Response; status: number; upstreamRequestId: string | null; streamed: boolean }> {
  const { response: upstream } = await upstreamStream(connection, request);
  const upstreamRequestId = upstream.headers.get('x-request-id');
  const isSse = (upstream.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream');

  if (!upstream.ok || !isSse || !upstream.body) {
    // Errors before streaming starts are ordinary JSON answers (e.g. 400 thread locked): handle them like any other.
    const body = new Uint8Array(await upstream.arrayBuffer());
    const answer: BufferedAnswer = { status: upstream.status, headers: upstream.headers, body, json: tryParseJson(body), upstreamRequestId, attempts: 1 };
    return { response: bufferedToResponse(connection, endpoint, answer, extraHeaders), status: upstream.status, upstreamRequestId, streamed: false };
  }

  const reader = upstream.body.getReader();
  let finished = false;
  const finish = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    onEnd(outcome);
  };
  const host = connectionHost(connection);
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            finish('completed');
            return;
          }
          controller.enqueue(value);
        } catch {
          if (request.signal?.aborted) {
            finish('client_closed');
            return;
          }
          controller.enqueue(errorFrame(`The stream from upstream ${host} broke off before the run finished streaming.`));
          controller.close();
          finish('upstream_broken');
        }
      },
      async cancel(reason) {
        finish('client_closed');
        await reader.cancel(reason).catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
  return {
    response: new Response(body, { status: 200, headers: { ...passThroughHeaders(upstream.headers), ...SSE_HEADERS, ...extraHeaders } }),
    status: 200,
    upstreamRequestId,
    streamed: true,
  };
}
