import { describe, expect, it } from 'vitest';
import { POLL_MS, runPollInterval } from './run-poll';

const now = 1_760_000_000;

describe('runPollInterval', () => {
  it.each([
    ['queued', POLL_MS.working],
    ['in_progress', POLL_MS.working],
    ['requires_action', POLL_MS.waiting],
    ['cancelling', POLL_MS.cancelling],
    ['some_new_status', POLL_MS.unknown],
  ])('%s polls every %i ms', (status, ms) => {
    expect(runPollInterval({ status, expires_at: now + 500 }, { nowSeconds: now })).toBe(ms);
  });

  it.each(['completed', 'failed', 'cancelled', 'expired', 'incomplete'])('%s stops polling', (status) => {
    expect(runPollInterval({ status }, { nowSeconds: now })).toBe(false);
  });

  it('speeds up a waiting run near (or past) its deadline so the expiry shows promptly', () => {
    expect(runPollInterval({ status: 'requires_action', expires_at: now + 10 }, { nowSeconds: now })).toBe(POLL_MS.nearDeadline);
    expect(runPollInterval({ status: 'requires_action', expires_at: now - 60 }, { nowSeconds: now })).toBe(POLL_MS.nearDeadline);
  });

  it('honours openai-poll-after-ms within sane bounds, but never for terminal runs', () => {
    expect(runPollInterval({ status: 'in_progress' }, { nowSeconds: now, pollAfterMs: 3000 })).toBe(3000);
    expect(runPollInterval({ status: 'in_progress' }, { nowSeconds: now, pollAfterMs: 1 })).toBe(500);
    expect(runPollInterval({ status: 'in_progress' }, { nowSeconds: now, pollAfterMs: 10_000_000 })).toBe(30_000);
    expect(runPollInterval({ status: 'completed' }, { nowSeconds: now, pollAfterMs: 3000 })).toBe(false);
  });

  it('no data yet: no interval (the first fetch is already in flight)', () => {
    expect(runPollInterval(undefined, { nowSeconds: now })).toBe(false);
  });
});
