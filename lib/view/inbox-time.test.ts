import { describe, expect, it } from 'vitest';
import { byLongestStuck, countdown, timeInState } from './inbox-time';

const now = 1_800_000_000_000; // ms

describe('time in state', () => {
  it('says how long, and marks a lower bound', () => {
    expect(timeInState(now / 1000 - 754, false, now)).toEqual({ seconds: 754, text: '12 min 34 s' });
    expect(timeInState(now / 1000 - 600, true, now).text).toBe('≥ 10 min');
    expect(timeInState(now / 1000 + 5, false, now).seconds).toBe(0);
  });
});

describe('countdown to expiry', () => {
  it('is null without a deadline', () => expect(countdown(null, now)).toBeNull());
  it('grows urgent as the deadline nears, then says how long ago it passed', () => {
    expect(countdown(now / 1000 + 130, now)).toEqual({ text: 'expires in 2 min 10 s', tone: 'urgent', seconds: 130 });
    expect(countdown(now / 1000 + 400, now)?.tone).toBe('soon');
    expect(countdown(now / 1000 + 3600, now)?.tone).toBe('calm');
    expect(countdown(now / 1000 - 40, now)).toEqual({ text: 'expired 40 s ago', tone: 'expired', seconds: -40 });
  });
});

describe('inbox order', () => {
  it('puts the longest stuck first, ties by run id', () => {
    const rows = [
      { run_id: 'run_b', state_since: 200 },
      { run_id: 'run_c', state_since: 100 },
      { run_id: 'run_a', state_since: 200 },
    ];
    expect([...rows].sort(byLongestStuck).map((r) => r.run_id)).toEqual(['run_c', 'run_a', 'run_b']);
  });
});
