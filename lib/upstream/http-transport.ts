import 'server-only';
import http from 'node:http';
import https from 'node:https';

// The buffered upstream call on node:http with keep-alive agents instead of fetch. A proxied retrieve is a few hundred
// bytes each way; fetch wraps each one in WHATWG Request/Response objects and web streams, which in profiles cost
// more CPU than the HTTP exchange itself. Streams (SSE) still use fetch: their body is handed on as a web stream.

type Agents = { http: http.Agent; https: https.Agent };
// On globalThis: Next bundles this module once per route; one pool of upstream connections serves them all.
const holder = globalThis as typeof globalThis & { runboardUpstreamAgents?: Agents };
function agents(): Agents {
  // No cap on sockets per upstream (fetch has none either): a burst of slow answers must not queue behind each other.
  holder.runboardUpstreamAgents ??= { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return holder.runboardUpstreamAgents;
}

export type RawAnswer = {
  status: number;
  headers: Headers;
  /** null: the body passed `maxBytes` (reading stopped there and the connection was dropped). */
  body: Uint8Array | null;
};

export type RawRequest = { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal };

function toHeaders(raw: string[]): Headers {
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** One request, its whole answer read into memory up to `maxBytes`. Rejects on network errors and on abort. */
export function requestBuffered(url: URL | string, request: RawRequest, maxBytes: number): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const target = typeof url === 'string' ? new URL(url) : url;
    const secure = target.protocol === 'https:';
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));
    const req = (secure ? https : http).request(
      target,
      { method: request.method, headers, agent: secure ? agents().https : agents().http, signal: request.signal },
      (res) => {
        const chunks: Buffer[] = [];
        let total = 0;
        let settled = false;
        const answer = (body: Uint8Array | null) => ({ status: res.statusCode ?? 0, headers: toHeaders(res.rawHeaders), body });
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          total += chunk.length;
          if (total > maxBytes) {
            settled = true;
            res.destroy();
            resolve(answer(null));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
          resolve(answer(new Uint8Array(body.buffer, body.byteOffset, body.byteLength)));
        });
        res.on('error', (error) => {
          if (settled) return;
          settled = true;
          reject(error);
        });
        res.on('close', () => {
          if (settled) return;
          settled = true;
          reject(request.signal.aborted ? request.signal.reason : new Error('the upstream closed the connection before the answer ended'));
        });
      },
    );
    req.on('error', reject);
    req.end(request.body);
  });
}
