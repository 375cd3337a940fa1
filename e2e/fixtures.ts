import { test as base, expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

export type EmulatorRequestLogEntry = {
  seq: number;
  method: string;
  path: string;
  query?: Record<string, unknown> | string;
  status: number;
  at?: number | string;
  headers?: Record<string, string>;
};

/** Talks to the embedded emulator's control endpoints (/__emulator/*): request log, clock and reset. */
const isWatcherRequest = (r: EmulatorRequestLogEntry) => (r.headers?.['x-client-request-id'] ?? '').startsWith('req_rbw_');

export class EmulatorControl {
  constructor(private readonly api: APIRequestContext) {}


  static url(): string {
    return `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT}`;
  }

  async requests(): Promise<EmulatorRequestLogEntry[]> {
    const res = await this.api.get('/__emulator/requests');
    expect(res.ok(), await res.text()).toBeTruthy();
    const body = (await res.json()) as { data?: EmulatorRequestLogEntry[] } | EmulatorRequestLogEntry[];
    return Array.isArray(body) ? body : (body.data ?? []);
  }

  /**
   * Requests to the Assistants API itself made for people (control endpoints and the server's background watcher
   * excluded: the watcher's requests carry ids starting `req_rbw_`, see watcherRequests).
   */
  async apiRequests(): Promise<EmulatorRequestLogEntry[]> {
    return (await this.requests()).filter((r) => r.path.startsWith('/v1/') && !isWatcherRequest(r));
  }

  /** The watcher's own reads (lib/watch), for tests of its budget. */
  async watcherRequests(): Promise<EmulatorRequestLogEntry[]> {
    return (await this.requests()).filter((r) => r.path.startsWith('/v1/') && isWatcherRequest(r));
  }

  async clearRequests(): Promise<void> {
    const res = await this.api.delete('/__emulator/requests');
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  async advance(seconds: number): Promise<void> {
    const res = await this.api.post('/__emulator/clock', { data: { advance_seconds: seconds } });
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  async now(): Promise<number> {
    const res = await this.api.get('/__emulator/clock');
    const body = (await res.json()) as { now: number };
    return body.now;
  }

  /** Re-seeds the demo data; a fresh `seed` also gives new ids (the same seed repeats them, run ids included). */
  async reset(seed?: number): Promise<void> {
    const res = await this.api.post('/__emulator/reset', seed === undefined ? undefined : { data: { seed } });
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  /** Makes the emulator answer the next `count` API requests with an error (an upstream outage), until cleared. */
  async injectFault(fault: { status: 429 | 500 | 503; count?: number; retry_after_seconds?: number }): Promise<void> {
    const res = await this.api.post('/__emulator/faults', { data: fault });
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  async clearFaults(): Promise<void> {
    const res = await this.api.delete('/__emulator/faults');
    expect(res.ok(), await res.text()).toBeTruthy();
  }

  async threads(): Promise<Array<{ id: string; title?: string | null; run_count?: number; [key: string]: unknown }>> {
    const res = await this.api.get('/__emulator/threads');
    expect(res.ok(), await res.text()).toBeTruthy();
    const body = (await res.json()) as { data?: unknown[] } | unknown[];
    return (Array.isArray(body) ? body : (body.data ?? [])) as Array<{ id: string }>;
  }

  /** Direct call to the emulator's Assistants API (bypassing Runboard), for test setup only. */
  async call<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, data?: unknown): Promise<T> {
    const res = await this.api.fetch(`/v1${path}`, { method, data });
    expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBeTruthy();
    return (await res.json()) as T;
  }
}

/** Saves a full-page screenshot into the test's output folder (test-results/, not committed). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

type Fixtures = { emulator: EmulatorControl; emulatorKey: string };

export const test = base.extend<Fixtures>({
  // Every browser test doubles as a leak test: no response the page receives (document, JSON, script, header)
  // may contain the upstream key the server holds.
  page: async ({ page }, use) => {
    const key = process.env.E2E_EMULATOR_API_KEY;
    const leaks: string[] = [];
    const checks: Array<Promise<void>> = [];
    page.on('response', (response) => {
      checks.push(
        (async () => {
          if (!key) return;
          if (JSON.stringify(await response.allHeaders().catch(() => ({}))).includes(key)) leaks.push(`headers of ${response.url()}`);
          const type = response.headers()['content-type'] ?? '';
          // Event streams never end while a run is live; the API project's stream tests cover them.
          if (!/json|text\/(html|plain|css)|javascript/.test(type)) return;
          const body = await response.text().catch(() => '');
          if (body.includes(key)) leaks.push(response.url());
        })(),
      );
    });
    await use(page);
    await Promise.allSettled(checks);
    expect(leaks, 'the upstream API key appeared in what the browser received').toEqual([]);
  },
  emulatorKey: async ({}, use) => {
    await use(process.env.E2E_EMULATOR_API_KEY ?? '');
  },
  emulator: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({
      baseURL: EmulatorControl.url(),
      extraHTTPHeaders: {
        authorization: `Bearer ${process.env.E2E_EMULATOR_API_KEY}`,
        'openai-beta': 'assistants=v2',
      },
    });
    await use(new EmulatorControl(api));
    await api.dispose();
  },
});

export { expect };
