import { describe, expect, it } from 'vitest';
import { formatDuration, secondsBetween } from './format-duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [42, '42 s'],
    [60, '1 min'],
    [432, '7 min 12 s'],
    [3_600, '1 h'],
    [11_100, '3 h 5 min'],
    [86_400, '1 d'],
    [190_800, '2 d 5 h'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%d s → %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('secondsBetween', () => {
  it('is null when an end is missing or precedes the start', () => {
    expect(secondsBetween(100, null)).toBeNull();
    expect(secondsBetween(undefined, 100)).toBeNull();
    expect(secondsBetween(200, 100)).toBeNull();
    expect(secondsBetween(100, 160)).toBe(60);
  });
});
