import { describe, expect, it } from 'vitest';
import { daysLeft, describeUserAgent, maskedToken, rolesUpTo } from './people';

describe('rolesUpTo', () => {
  it('offers the owner role and below, never above', () => {
    expect(rolesUpTo('viewer')).toEqual(['viewer']);
    expect(rolesUpTo('operator')).toEqual(['viewer', 'operator']);
    expect(rolesUpTo('admin')).toEqual(['viewer', 'operator', 'admin']);
  });
});

describe('maskedToken', () => {
  it('shows the prefix and the last four characters only', () => {
    expect(maskedToken('9xQz')).toBe('rb_…9xQz');
  });
});

describe('describeUserAgent', () => {
  it('names common browsers, systems and scripts', () => {
    expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1')).toBe('Safari on iOS');
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox on Windows');
    expect(describeUserAgent('OpenAI/JS 6.49.0')).toBe('Script');
    expect(describeUserAgent(null)).toBe('Unknown device');
    expect(describeUserAgent('x'.repeat(60))).toBe(`${'x'.repeat(40)}…`);
  });
});

describe('daysLeft', () => {
  it('rounds up and never goes below zero', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(daysLeft(now / 1000 + 86_400 * 1.5, now)).toBe(2);
    expect(daysLeft(now / 1000 - 10, now)).toBe(0);
    expect(daysLeft(null, now)).toBeNull();
  });
});
