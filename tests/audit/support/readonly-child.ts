// Runs in a child process (as an unprivileged user when the tests run as root, since root writes read-only files):
// one read and one cancel through the real proxy handler against a read-only SQLite file, printed as JSON.
import { handleProxyRequest } from '../../../lib/server/proxy/handler';

async function main(): Promise<void> {
  const thread = process.env.FAULT_THREAD_ID!;
  const run = process.env.FAULT_RUN_ID!;
  const base = `http://localhost/api/v1/threads/${thread}/runs/${run}`;
  // Signed in as an operator (session made by the parent before the file became read-only).
  const cookie = process.env.FAULT_COOKIE!;
  const read = await handleProxyRequest(new Request(base, { headers: { cookie } }));
  const cancel = await handleProxyRequest(new Request(`${base}/cancel`, { method: 'POST', headers: { cookie, 'x-runboard-reason': 'fault test' } }));
  process.stdout.write(`${JSON.stringify({ read: read.status, cancel: cancel.status, body: await cancel.json() })}\n`);
}

void main();
