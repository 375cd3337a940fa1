import { describe, expect, it } from 'vitest';
import { findActiveRun, runDuration, runErrorCode } from './thread-run-row';

describe('runDuration', () => {
  it('terminal runs: creation to the terminal stamp', () => {
    expect(runDuration({ status: 'completed', created_at: 100, completed_at: 142 }, 999)).toEqual({ seconds: 42, ongoing: false });
    expect(runDuration({ status: 'failed', created_at: 100, failed_at: 160 }, 999)).toEqual({ seconds: 60, ongoing: false });
    expect(runDuration({ status: 'cancelled', created_at: 100, cancelled_at: 105 }, 999)).toEqual({ seconds: 5, ongoing: false });
  });
  it('active runs: age so far, marked ongoing', () => {
    expect(runDuration({ status: 'requires_action', created_at: 100 }, 400)).toEqual({ seconds: 300, ongoing: true });
  });
  it('unknown when a sparse or expired run has no end stamp', () => {
    expect(runDuration({ status: 'expired', created_at: 100 }, 999)).toEqual({ seconds: null, ongoing: false });
    expect(runDuration({ status: 'completed', created_at: 100, completed_at: 50 }, 999).seconds).toBeNull();
  });
});

describe('runErrorCode', () => {
  it('prefers last_error, then the incomplete reason, then expiry', () => {
    expect(runErrorCode({ status: 'failed', created_at: 1, last_error: { code: 'rate_limit_exceeded', message: 'slow down' } })).toEqual({
      code: 'rate_limit_exceeded',
      message: 'slow down',
    });
    expect(runErrorCode({ status: 'incomplete', created_at: 1, incomplete_details: { reason: 'max_prompt_tokens' } })?.code).toBe(
      'incomplete: max_prompt_tokens',
    );
    expect(runErrorCode({ status: 'expired', created_at: 1 })?.code).toBe('expired');
    expect(runErrorCode({ status: 'completed', created_at: 1 })).toBeNull();
  });
});

describe('findActiveRun', () => {
  it('finds the active run, newest first if several', () => {
    const runs = [
      { id: 'a', status: 'completed', created_at: 5 },
      { id: 'b', status: 'queued', created_at: 3 },
      { id: 'c', status: 'in_progress', created_at: 4 },
    ];
    expect(findActiveRun(runs)?.id).toBe('c');
    expect(findActiveRun([runs[0]!])).toBeNull();
  });
});
