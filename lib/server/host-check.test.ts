import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, hostPolicy, isAllowedHost, isCrossSiteWrite, requestedHost } from './host-check';

const h = (headers: Record<string, string>) => new Headers(headers);

describe('host check (DNS rebinding)', () => {
  const loopbackOnly = hostPolicy({});
  const team = hostPolicy({ RUNBOARD_PUBLIC_URL: 'https://runboard.example.com', RUNBOARD_TRUST_PROXY: '1' });

  it.each(['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost', '127.0.0.1'])('answers for the loopback name %s', (host) => {
    expect(isAllowedHost(host, loopbackOnly)).toBe(true);
  });

  it.each(['evil.example:3000', 'evil.example', 'localhost.evil.example:3000', '127.0.0.1.nip.io:3000', '', 'runboard.example.com'])(
    'refuses %j without a public URL naming it',
    (host) => {
      expect(isAllowedHost(host || null, loopbackOnly)).toBe(false);
    },
  );

  it('answers for the public URL host, and loopback still works behind it', () => {
    expect(isAllowedHost('runboard.example.com', team)).toBe(true);
    expect(isAllowedHost('localhost:3000', team)).toBe(true);
    expect(isAllowedHost('evil.example', team)).toBe(false);
  });

  it('reads X-Forwarded-Host only from a trusted proxy', () => {
    const headers = h({ host: '127.0.0.1:3000', 'x-forwarded-host': 'evil.example' });
    expect(requestedHost(headers, loopbackOnly)).toBe('127.0.0.1:3000');
    expect(requestedHost(headers, team)).toBe('evil.example');
    expect(isAllowedHost(requestedHost(headers, team), team)).toBe(false);
  });

  it('is not fooled by letter case', () => {
    expect(requestedHost(h({ host: 'LOCALHOST:3000' }), loopbackOnly)).toBe('localhost:3000');
  });
});

describe('cross-site writes', () => {
  it('refuses a browser POST from another site, by Sec-Fetch-Site or by Origin', () => {
    expect(isCrossSiteWrite('POST', h({ 'sec-fetch-site': 'cross-site' }), 'localhost:3000')).toBe(true);
    expect(isCrossSiteWrite('POST', h({ origin: 'https://evil.example' }), 'localhost:3000')).toBe(true);
    expect(isCrossSiteWrite('POST', h({ origin: 'null' }), 'localhost:3000')).toBe(true);
  });

  it('lets same-origin browsers, scripts without Origin, and reads through', () => {
    expect(isCrossSiteWrite('POST', h({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }), 'localhost:3000')).toBe(false);
    expect(isCrossSiteWrite('POST', h({}), 'localhost:3000')).toBe(false);
    expect(isCrossSiteWrite('GET', h({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), 'localhost:3000')).toBe(false);
  });
});

describe('crossSiteRefusal (the proxy and the people routes)', () => {
  const refusal = (headers: Record<string, string>) => crossSiteRefusal(new Headers(headers), 'runs through Runboard');
  it('lets same-site browsers and non-browser clients through, names the foreign origin otherwise', () => {
    expect(refusal({})).toBeNull();
    expect(refusal({ host: 'localhost:3000', origin: 'http://localhost:3000' })).toBeNull();
    expect(refusal({ host: 'runboard.internal', 'x-forwarded-host': 'runboard.example.com', origin: 'https://runboard.example.com' })).toBeNull();
    expect(refusal({ host: 'localhost:3000', origin: 'https://evil.example' })).toBe('Requests from evil.example may not change runs through Runboard.');
    expect(refusal({ origin: 'https://evil.example' })).toBe('Requests from evil.example may not change runs through Runboard.');
    expect(refusal({ host: 'localhost:3000', origin: 'null' })).toBe('The Origin header is not a valid origin.');
    expect(refusal({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' })).toBe('Cross-site requests may not change runs through Runboard.');
  });
});
