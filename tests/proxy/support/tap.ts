import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A transparent recording hop between the proxy and a real upstream (Steady, the emulator): the proxy does not pass
// upstream-specific headers such as x-steady-request-valid on to its clients, so the test reads them here.

export type TapRecord = {
  method: string;
  path: string;
  requestHeaders: http.IncomingHttpHeaders;
  status: number;
  responseHeaders: http.IncomingHttpHeaders;
};

export async function startTap(target: string): Promise<{ url: string; records: TapRecord[]; close: () => Promise<void> }> {
  const targetUrl = new URL(target);
  const records: TapRecord[] = [];
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: targetUrl.hostname,
        port: targetUrl.port,
        method: req.method,
        path: `${targetUrl.pathname.replace(/\/$/, '')}${req.url}`,
        headers: { ...req.headers, host: targetUrl.host },
      },
      (answer) => {
        records.push({
          method: req.method ?? '',
          path: req.url ?? '',
          requestHeaders: req.headers,
          status: answer.statusCode ?? 0,
          responseHeaders: answer.headers,
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    records,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
