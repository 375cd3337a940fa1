import { startEmulatorServer } from '@/lib/emulator';

// A real emulator on 127.0.0.1:<random port> for proxy tests, with a known key and helpers for its control
// endpoints (request log, clock, reset).

export type EmulatorHandle = {
  url: string;
  origin: string;
  apiKey: string;
  requests: () => Promise<Array<{ method: string; path: string; status: number; headers: Record<string, string>; query: Record<string, unknown> }>>;
  apiRequests: () => Promise<Array<{ method: string; path: string; status: number; headers: Record<string, string>; query: Record<string, unknown> }>>;
  clearRequests: () => Promise<void>;
  advance: (seconds: number) => Promise<void>;
  reset: () => Promise<void>;
  threads: () => Promise<Array<{ id: string; [key: string]: unknown }>>;
  /** Direct call to the emulator API (setup only, bypasses the proxy). */
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
  close: () => Promise<void>;
};

export async function startTestEmulator(apiKey = `sk-emu-test-${Math.random().toString(36).slice(2)}xyz`): Promise<EmulatorHandle> {
  const server = await startEmulatorServer({ port: 0, host: '127.0.0.1', apiKey, speed: 0 });
  return emulatorHandle(server.url, apiKey, server.close);
}

/** The control helpers for an emulator at `url` (in this process, or another one). */
export function emulatorHandle(url: string, apiKey: string, close: () => Promise<void>): EmulatorHandle {
  const origin = new URL(url).origin;
  const headers = { authorization: `Bearer ${apiKey}`, 'openai-beta': 'assistants=v2', 'content-type': 'application/json' };
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${origin}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  };
  const list = async () => {
    const body = (await control('GET', '/__emulator/requests')) as { data?: unknown[] } | unknown[];
    return (Array.isArray(body) ? body : (body.data ?? [])) as Awaited<ReturnType<EmulatorHandle['requests']>>;
  };
  return {
    url,
    origin,
    apiKey,
    requests: list,
    apiRequests: async () => (await list()).filter((r) => r.path.startsWith('/v1/')),
    clearRequests: async () => {
      await control('DELETE', '/__emulator/requests');
    },
    advance: async (seconds) => {
      await control('POST', '/__emulator/clock', { advance_seconds: seconds });
    },
    reset: async () => {
      await control('POST', '/__emulator/reset');
    },
    threads: async () => {
      const body = (await control('GET', '/__emulator/threads')) as { data?: unknown[] } | unknown[];
      return (Array.isArray(body) ? body : (body.data ?? [])) as Array<{ id: string }>;
    },
    call: async <T,>(method: string, path: string, body?: unknown) => (await control(method, `/v1${path}`, body)) as T,
    close,
  };
}
