import OpenAI from 'openai';
import { ORIGIN, proxyFetch, restoreEnv, pointAtUpstream } from './harness';
import { startTestEmulator, type EmulatorHandle } from './emulator';
import { testIdentity } from './identity';

// The official openai SDK wired into the proxy route handlers: its baseURL is Runboard's /api/v1 and its fetch
// dispatches into the exported GET/POST, so every SDK call exercises the real proxy code against a real emulator
// (over HTTP). It signs in with a personal API token (`rb_…`). The emulator runs at speed 0: time moves only when a test advances its clock.

export type SdkWorld = {
  emulator: EmulatorHandle;
  client: OpenAI;
  /** Assistant ids of the seed, by name. */
  assistants: Record<string, string>;
  /** A fresh thread created directly on the emulator (creating threads is not a proxied endpoint). */
  newThread: (text?: string) => Promise<string>;
  /** Every GET of a run through the proxy first moves the emulator clock by this many seconds (0 = off). */
  setAdvancePerPoll: (seconds: number) => void;
  close: () => Promise<void>;
};

const RUN_RETRIEVE = /\/api\/v1\/threads\/[^/]+\/runs\/run_[^/?]+(\?|$)/;

export async function startSdkWorld(): Promise<SdkWorld> {
  const emulator = await startTestEmulator();
  // Poll cache off: the emulator's clock is frozen between advances, and these tests poll in a tight loop.
  pointAtUpstream(emulator.url, emulator.apiKey, { RUNBOARD_POLL_CACHE_MS: '0' });
  let advancePerPoll = 0;
  const advancingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if (advancePerPoll > 0 && request.method === 'GET' && RUN_RETRIEVE.test(request.url)) await emulator.advance(advancePerPoll);
    return proxyFetch(request);
  };
  // The SDK authenticates with an operator's personal API token, as a script would.
  const { token } = await testIdentity('operator');
  const client = new OpenAI({ apiKey: token, baseURL: `${ORIGIN}/api/v1`, fetch: advancingFetch, maxRetries: 0 });
  const list = await emulator.call<{ data: Array<{ id: string; name: string }> }>('GET', '/assistants?limit=100');
  const assistants = Object.fromEntries(list.data.map((a) => [a.name, a.id]));
  return {
    emulator,
    client,
    assistants,
    newThread: async (text = 'Hello from the proxy test') =>
      (await emulator.call<{ id: string }>('POST', '/threads', { messages: [{ role: 'user', content: text }], metadata: { source: 'proxy-test' } })).id,
    setAdvancePerPoll: (seconds) => {
      advancePerPoll = seconds;
    },
    close: async () => {
      restoreEnv();
      await emulator.close();
    },
  };
}
