import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatRelative, formatTimeTooltip, formatUtc, isUnixSeconds, toIso } from './format-time';

const T = 1_764_079_387; // 2025-11-25 14:03:07 UTC

describe('formatRelative', () => {
  it.each([
    [T, T * 1000, 'just now'],
    [T - 42, T * 1000, '42 s ago'],
    [T - 432, T * 1000, '7 min ago'],
    [T + 180, T * 1000, 'in 3 min'],
    [T - 3 * 3600 - 10, T * 1000, '3 h ago'],
    [T - 2 * 86_400, T * 1000, '2 d ago'],
    [T - 90 * 86_400, T * 1000, '3 mo ago'],
    [T - 800 * 86_400, T * 1000, '2 y ago'],
  ])('%i relative to now → %s', (stamp, now, text) => {
    expect(formatRelative(stamp, now)).toBe(text);
  });
});

describe('absolute times', () => {
  it('formats UTC with an explicit zone label', () => {
    expect(formatUtc(T)).toBe('2025-11-25 14:03:07 UTC');
  });
  it('formats in a named zone with its abbreviation', () => {
    expect(formatAbsolute(T, 'Europe/Berlin')).toBe('2025-11-25 15:03:07 GMT+1');
    expect(formatAbsolute(T, 'America/New_York')).toBe('2025-11-25 09:03:07 EST');
  });
  it('tooltip carries local, UTC and the raw value', () => {
    expect(formatTimeTooltip(T, 'Asia/Tokyo').split('\n')).toEqual([
      '2025-11-25 23:03:07 GMT+9',
      '2025-11-25 14:03:07 UTC',
      `Unix ${T}`,
    ]);
    expect(formatTimeTooltip(T, 'Asia/Tokyo', true).split('\n').slice(0, 2)).toEqual(['2025-11-25 14:03:07 UTC', '2025-11-25 23:03:07 GMT+9']);
  });
  it('gives ISO for <time dateTime>', () => {
    expect(toIso(T)).toBe('2025-11-25T14:03:07.000Z');
  });
  it('refuses values that are not Unix seconds', () => {
    expect(isUnixSeconds(T)).toBe(true);
    expect(isUnixSeconds(T * 1000)).toBe(false);
    expect(isUnixSeconds(null)).toBe(false);
    expect(isUnixSeconds(Number.NaN)).toBe(false);
  });
});
