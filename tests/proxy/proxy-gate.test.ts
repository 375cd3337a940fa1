import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

// proxy.ts, in front of every request: a foreign Host name (DNS rebinding) and a browser's cross-site change are
// answered in the API's error envelope before any route runs; a signed-out page visit goes to /sign-in.

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(url, init);

describe('proxy.ts', () => {
  it('refuses a Host name it does not serve with 421 in the error envelope', async () => {
    const response = proxy(request('http://rebind.example/api/me', { headers: { host: 'rebind.example' } }))!;
    expect(response.status).toBe(421);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: null, code: 'misdirected_request' });
    expect(body.error.message).toMatch(/^Runboard does not answer for the host 'rebind\.example'\. It answers for: localhost, 127\.0\.0\.1, \[::1\]/);
  });

  it('refuses a cross-site change with 403 in the error envelope, lets a same-site one through', async () => {
    const crossSite = proxy(request('http://localhost:3000/api/profile', { method: 'POST', headers: { host: 'localhost:3000', origin: 'https://evil.example' } }))!;
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toEqual({ error: { message: 'Cross-site requests may not change anything in Runboard.', type: 'invalid_request_error', param: null, code: 'cross_site_request' } });
    expect(proxy(request('http://localhost:3000/api/profile', { method: 'POST', headers: { host: 'localhost:3000', origin: 'http://localhost:3000' } }))).toBeUndefined();
  });

  it('sends a signed-out page visit to /sign-in, coming back afterwards', () => {
    const response = proxy(request('http://localhost:3000/threads/thread_1?tab=runs', { headers: { host: 'localhost:3000' } }))!;
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/sign-in?next=%2Fthreads%2Fthread_1%3Ftab%3Druns');
    expect(proxy(request('http://localhost:3000/sign-in', { headers: { host: 'localhost:3000' } }))).toBeUndefined();
  });
});
