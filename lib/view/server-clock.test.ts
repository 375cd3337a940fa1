import { describe, expect, it } from 'vitest';
import { nextClockOffset, sampleClockOffset } from './server-clock';

const at = (iso: string) => Date.parse(iso);

describe('sampleClockOffset', () => {
  it('measures a browser running 10 minutes fast from the Date header', () => {
    const server = 'Wed, 02 Dec 2026 04:00:00 GMT';
    const sent = at('2026-12-02T04:10:00.100Z');
    const offset = sampleClockOffset(server, sent, sent + 200)!;
    expect(Math.round(offset / 1000)).toBe(-600);
  });

  it('ignores missing or unreadable headers and slow round trips', () => {
    expect(sampleClockOffset(null, 0, 10)).toBeNull();
    expect(sampleClockOffset('not a date', 0, 10)).toBeNull();
    expect(sampleClockOffset('Wed, 02 Dec 2026 04:00:00 GMT', 0, 60_000)).toBeNull();
  });
});

describe('nextClockOffset', () => {
  it('keeps the browser clock when it agrees with the server within the header precision', () => {
    expect(nextClockOffset(0, 900)).toBe(0);
    expect(nextClockOffset(-600_000, 400)).toBe(0);
  });

  it('takes a real skew, and ignores later samples that only differ by noise', () => {
    expect(nextClockOffset(0, -600_300)).toBe(-600_300);
    expect(nextClockOffset(-600_300, -599_600)).toBe(-600_300);
    expect(nextClockOffset(-600_300, 3_600_000)).toBe(3_600_000);
    expect(nextClockOffset(-600_300, null)).toBe(-600_300);
  });
});
