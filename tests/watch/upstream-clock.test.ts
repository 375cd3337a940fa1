import { afterAll, beforeAll, expect, it } from 'vitest';
import { upstreamFetch } from '@/lib/upstream/client';
import { upstreamNow, upstreamNowMs } from '@/lib/upstream/clock';
import { createConnection, type Connection } from '@/lib/upstream/connection';
import { startTestEmulator, type EmulatorHandle } from '../proxy/support/emulator';

// One clock per connection, learned from every answer the upstream client receives: what the watcher, the stuck
// rules, the inbox and the page's clock seed count from. A moved emulator's clock is followed; another connection
// keeps its own (ours until it answers).

let emulator: EmulatorHandle;
let connection: Connection;

beforeAll(async () => {
  emulator = await startTestEmulator();
  connection = createConnection({
    id: 'clock-test',
    name: 'clock test',
    mode: 'emulator',
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    authStyle: 'bearer',
    apiVersion: null,
    organization: null,
    project: null,
    timeoutMs: 10_000,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await emulator?.close();
});

it("follows the upstream's clock from its answers, per connection", async () => {
  expect(upstreamNowMs(connection.id)).toBeNull();
  await emulator.advance(2 * 3600);
  // The emulator's "now" as it stamps objects (its clock is frozen between moves).
  const { created_at: emulatorNow } = await emulator.call<{ created_at: number }>('POST', '/threads', {});
  const answer = await upstreamFetch(connection, { method: 'GET', path: '/assistants', query: [['limit', '1']] });
  expect(answer.status).toBe(200);
  expect(Math.abs(upstreamNow(connection.id) - emulatorNow)).toBeLessThanOrEqual(2);
  expect(Math.abs(upstreamNowMs(connection.id)! / 1000 - emulatorNow)).toBeLessThanOrEqual(2);
  // A connection that never answered: no seed for pages, and our own clock for the rules.
  expect(upstreamNowMs('clock-test-other')).toBeNull();
  expect(Math.abs(upstreamNow('clock-test-other') - Date.now() / 1000)).toBeLessThanOrEqual(1);
});
