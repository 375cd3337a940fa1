// An HTTP relay between Runboard and the emulator that passes every request on at once (so the emulator's request
// log shows it as forwarded) but holds the answers to mutations until released — in flight, deterministically, for
// the crash test. Closing the relay drops whatever it still holds.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type HeldRelay = { url: string; held: () => number; release: () => void; close: () => Promise<void> };

export async function startHeldRelay(target: string): Promise<HeldRelay> {
  const upstream = new URL(target);
  let releaseAll!: () => void;
  const released = new Promise<void>((resolve) => (releaseAll = resolve));
  let held = 0;
  const server = http.createServer((req, res) => {
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      (answer) => {
        const send = () => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        };
        if (req.method === 'POST') {
          held += 1;
          void released.then(send);
        } else send();
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname.replace(/\/$/, '')}`,
    held: () => held,
    release: releaseAll,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
