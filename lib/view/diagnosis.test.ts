import { describe, expect, it } from 'vitest';
import { diagnoseRun, requiresActionSince } from './diagnosis';
import { spanCoarse, spanFine } from './diagnosis-format';
import type { RunLike, StepLike } from './run-shapes';

const T0 = 1_760_000_000;
const run = (over: Partial<RunLike>): RunLike => ({ id: 'run_1', status: 'queued', created_at: T0, ...over });
const fnStep = (over: Partial<StepLike>, output: string | null = null): StepLike => ({
  id: 'step_f',
  type: 'tool_calls',
  status: 'in_progress',
  created_at: T0 + 10,
  step_details: {
    type: 'tool_calls',
    tool_calls: [
      { id: 'call_a', type: 'function', function: { name: 'get_order', arguments: '{}', output } },
      { id: 'call_b', type: 'function', function: { name: 'refund', arguments: '{}', output } },
    ],
  },
  ...over,
});
const pending = { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: [{ id: 'call_a' }, { id: 'call_b' }] } };

describe('duration phrases', () => {
  it.each([
    [0, '0 s', '0 s'],
    [59, '59 s', '59 s'],
    [60, '1 min', '1 min'],
    [160, '2 min', '2 min 40 s'],
    [3600, '1 h', '1 h'],
    [3 * 3600 + 5 * 60, '3 h 5 min', '3 h 5 min'],
    [12 * 3600 + 5 * 60, '12 h', '12 h'],
    [26 * 3600, '1 d 2 h', '1 d 2 h'],
    [-5, '0 s', '0 s'],
  ])('%i s → coarse %s, fine %s', (s, coarse, fine) => {
    expect(spanCoarse(s)).toBe(coarse);
    expect(spanFine(s)).toBe(fine);
  });
});

describe('diagnoseRun', () => {
  it('requires_action: how long it waited, the countdown and the pending calls (from the tool step)', () => {
    const r = run({ status: 'requires_action', started_at: T0 + 2, expires_at: T0 + 600, required_action: pending });
    const d = diagnoseRun(r, { now: T0 + 600 - 160, steps: [fnStep({ created_at: T0 + 600 - 160 - 7 * 60 })] });
    expect(d.headline).toBe('Waiting for your tool outputs for 7 min; expires in 2 min 40 s (2 calls pending)');
    expect(d.tone).toBe('warning');
    expect(d.countdownTo).toBe(T0 + 600);
  });

  it('requires_action without steps falls back to started_at; under a minute left is a warning', () => {
    const r = run({ status: 'requires_action', started_at: T0 + 60, expires_at: T0 + 600, required_action: pending });
    const d = diagnoseRun(r, { now: T0 + 570 });
    expect(d.headline).toBe('Waiting for your tool outputs for 8 min; expires in 30 s (2 calls pending)');
    expect(d.tone).toBe('warning');
  });

  it('requires_action past its deadline says outputs will be refused', () => {
    const r = run({ status: 'requires_action', started_at: T0, expires_at: T0 + 600, required_action: pending });
    const d = diagnoseRun(r, { now: T0 + 700 });
    expect(d.headline).toContain('its deadline passed 1 min ago');
    expect(d.tone).toBe('danger');
    expect(d.advice).toMatch(/refused/);
  });

  it('queued for hours: the backend has not picked it up', () => {
    const d = diagnoseRun(run({ status: 'queued', expires_at: null }), { now: T0 + 3 * 3600 });
    expect(d.headline).toBe('Queued for 3 h: the backend has not picked it up');
    // No deadline: nothing will expire it, so waiting is not offered.
    expect(d.tone).toBe('danger');
    expect(d.advice).toMatch(/^The server set no deadline \(expires_at\), so nothing will expire it: the thread stays locked until the run is cancelled/);
    expect(d.advice).not.toMatch(/wait/);
    expect(d.countdownTo).toBeNull();
  });

  it('stuck queued past its deadline: does not promise it will expire (defect 6)', () => {
    const d = diagnoseRun(run({ status: 'queued', expires_at: T0 + 600 }), { now: T0 + 600 + 2 * 3600 + 48 * 60 });
    expect(d.headline).toBe('Queued for 2 h 58 min: the backend has not picked it up; its deadline passed 2 h 48 min ago');
    expect(d.advice).toBe(
      'Its deadline passed 2 h 48 min ago and the server did not expire it, so it will not expire on its own: the thread stays locked until the run is cancelled. ' +
        'Cancel it to unlock the thread. If the cancel is not confirmed within a few minutes, report run run_1 to whoever runs the server.',
    );
    expect(d.advice).not.toMatch(/wait for it to expire/);
    expect(d.duration).toEqual({ seconds: 600 + 2 * 3600 + 48 * 60, bound: 'exact', basis: 'since created_at' });
  });

  it('queued long but before its deadline: expiring is still possible and says when', () => {
    const d = diagnoseRun(run({ status: 'queued', expires_at: T0 + 600 }), { now: T0 + 120 });
    expect(d.tone).toBe('warning');
    expect(d.advice).toBe('The thread stays locked while the run is queued. The server should expire it at its deadline (in 8 min); cancel it to unlock the thread sooner.');
  });

  it('stuck in_progress gets advice; past its deadline it is called stuck (defect 6)', () => {
    const long = diagnoseRun(run({ status: 'in_progress', started_at: T0 + 10, expires_at: T0 + 600 }), { now: T0 + 400 });
    expect(long.tone).toBe('warning');
    expect(long.advice).toMatch(/^Longer than most runs\. If the steps below show no progress, cancel it to unlock the thread; otherwise the server expires it at its deadline \(in 3 min 20 s\)\.$/);
    const stuck = diagnoseRun(run({ status: 'in_progress', started_at: T0 + 10, expires_at: T0 + 600 }), { now: T0 + 600 + 3 * 3600 });
    expect(stuck.headline).toBe('Running for 3 h 9 min; its deadline passed 3 h ago');
    expect(stuck.tone).toBe('danger');
    expect(stuck.advice).toMatch(/^Its deadline passed 3 h ago and the server did not expire it, so it will not expire on its own: it looks stuck\./);
    expect(stuck.advice).toMatch(/cancel it to unlock the thread/);
    const noStart = diagnoseRun(run({ status: 'in_progress', expires_at: T0 + 600 }), { now: T0 + 90 });
    expect(noStart.headline).toBe('Running for at most 1 min (the server did not report when it started; counted from creation); expires in 8 min 30 s');
    expect(noStart.duration?.bound).toBe('upper');
    expect(diagnoseRun(run({ status: 'in_progress', started_at: T0 }), { now: T0 + 30 }).advice).toBeNull();
  });

  it('cancelling for 18 minutes, seen by this page for 1 s: never "at least 1 s"; bounds are named and explained (defect 6)', () => {
    const r = run({ status: 'cancelling', started_at: T0, expires_at: T0 + 3600 });
    const now = T0 + 18 * 60;
    const d = diagnoseRun(r, { now, cancellingSeenAt: now - 1 });
    expect(d.headline).toBe('Cancel requested up to 18 min ago and not confirmed');
    expect(d.headline).not.toMatch(/at least 1 s/);
    expect(d.advice).toMatch(/Cancelling again does not help/);
    expect(d.advice).toMatch(/The API does not record when cancel was requested and Runboard has no record of it .*: after the run last started 18 min ago, and at least 1 s ago \(this page has seen it cancelling that long\)\.$/);
    expect(d.duration).toEqual({ seconds: 18 * 60, bound: 'upper', basis: 'since started_at' });
    expect(d.tone).toBe('warning');
  });

  it('cancelling: the audit log\'s record of the cancel is exact and names who asked', () => {
    const r = run({ status: 'cancelling', started_at: T0, expires_at: T0 + 3600 });
    const d = diagnoseRun(r, { now: T0 + 20 * 60, cancellingSeenAt: T0 + 20 * 60 - 1, cancelRecorded: { at: T0 + 2 * 60, by: 'Olga' } });
    expect(d.headline).toBe('Cancel requested 18 min ago by Olga and not confirmed');
    expect(d.duration?.bound).toBe('exact');
    expect(d.advice).toMatch(/the server should expire it\./);
  });

  it('cancelling past its deadline says it will not end on its own and whom to tell', () => {
    const d = diagnoseRun(run({ status: 'cancelling', started_at: T0, expires_at: T0 + 600 }), { now: T0 + 1800, cancelRequestedAt: T0 + 60 });
    expect(d.tone).toBe('danger');
    expect(d.advice).toMatch(/^Its deadline passed 20 min ago and the server did not expire it, so it will not expire on its own\. Cancelling again does not help .* Report run run_1/);
  });

  it('briefly queued is informational, with the expiry', () => {
    const d = diagnoseRun(run({ status: 'queued', expires_at: T0 + 600 }), { now: T0 + 4 });
    expect(d.headline).toBe('Queued for 4 s: waiting for the backend to pick it up; expires in 9 min 56 s');
    expect(d.tone).toBe('info');
  });

  it('queued again after tool outputs does not count the queue from creation', () => {
    const d = diagnoseRun(run({ status: 'queued', started_at: T0 + 5, expires_at: T0 + 600 }), { now: T0 + 300 });
    expect(d.headline).toMatch(/^Queued again after tool outputs were submitted/);
  });

  it('in_progress counts from started_at', () => {
    const d = diagnoseRun(run({ status: 'in_progress', started_at: T0 + 30, expires_at: T0 + 600 }), { now: T0 + 90 });
    expect(d.headline).toBe('Running for 1 min; expires in 8 min 30 s');
  });

  it('cancelling: exact when this browser sent the cancel, bounds when it only saw it', () => {
    const r = run({ status: 'cancelling', started_at: T0 });
    expect(diagnoseRun(r, { now: T0 + 800, cancelRequestedAt: T0 + 80 }).headline).toBe('Cancel requested 12 min ago and not confirmed');
    const seen = diagnoseRun(r, { now: T0 + 800, cancellingSeenAt: T0 + 200 });
    expect(seen.headline).toBe('Cancel requested up to 13 min ago and not confirmed');
    expect(seen.tone).toBe('warning');
    expect(seen.advice).toMatch(/does not record.*at least 10 min ago/);
    expect(diagnoseRun(r, { now: T0 + 800 }).headline).toBe('Cancel requested up to 13 min ago and not confirmed');
  });

  it.each([
    ['rate_limit_exceeded', 'Failed: rate_limit_exceeded — retry later or raise limits'],
    ['server_error', 'Failed: server_error — the backend failed; retry the run and contact the provider if it keeps happening'],
    ['invalid_prompt', 'Failed: invalid_prompt — the prompt was rejected; check the instructions and messages for content the model refuses'],
    ['something_new', 'Failed: something_new — see the error message below'],
  ])('failed with %s', (code, headline) => {
    const d = diagnoseRun(run({ status: 'failed', failed_at: T0 + 9, last_error: { code, message: 'Rate limit is exceeded.' } }), { now: T0 + 20 });
    expect(d.headline).toBe(headline);
    expect(d.tone).toBe('danger');
    expect(d.advice).toBe('Server message: Rate limit is exceeded.');
  });

  it('failed without last_error still explains itself', () => {
    expect(diagnoseRun(run({ status: 'failed' }), { now: T0 }).headline).toBe('Failed: unknown error — the server did not report an error code');
  });

  it('incomplete names the budget that ran out and its value', () => {
    const d = diagnoseRun(
      run({ status: 'incomplete', incomplete_details: { reason: 'max_completion_tokens' }, max_completion_tokens: 256 }),
      { now: T0 },
    );
    expect(d.headline).toBe('Incomplete: max_completion_tokens reached (limit 256)');
    expect(d.advice).toMatch(/raise max_completion_tokens/);
    expect(diagnoseRun(run({ status: 'incomplete' }), { now: T0 }).headline).toBe('Incomplete: the server did not say why');
  });

  it('expired while waiting for tool outputs', () => {
    const step = fnStep({ status: 'expired', expired_at: T0 + 600 });
    const d = diagnoseRun(run({ status: 'expired', started_at: T0 + 1 }), { now: T0 + 700, steps: [step] });
    expect(d.headline).toBe('Expired after 10 min: tool outputs were not submitted in time (2 calls pending)');
  });

  it('expired because it took too long (no pending function calls)', () => {
    const msg: StepLike = { id: 'step_m', type: 'message_creation', status: 'expired', created_at: T0 + 5, expired_at: T0 + 600 };
    const d = diagnoseRun(run({ status: 'expired', started_at: T0 + 1 }), { now: T0 + 700, steps: [msg] });
    expect(d.headline).toBe('Expired after 10 min: the run took longer than its window');
  });

  it('expired in the queue, and expired with steps not loaded yet', () => {
    expect(diagnoseRun(run({ status: 'expired' }), { now: T0 + 700, steps: [] }).headline).toBe('Expired: the backend never picked it up');
    expect(diagnoseRun(run({ status: 'expired', started_at: T0 }), { now: T0 + 700 }).headline).toBe(
      'Expired: the run did not finish before its deadline',
    );
  });

  it('completed summary with duration, steps and tokens', () => {
    const d = diagnoseRun(run({ status: 'completed', completed_at: T0 + 75, usage: { total_tokens: 1234 } }), {
      now: T0 + 3600,
      steps: [fnStep({ status: 'completed' }, 'x'), fnStep({ id: 's2', status: 'completed' }, 'y')],
    });
    expect(d.headline).toBe('Completed in 1 min (2 steps, 1,234 tokens)');
    expect(d.tone).toBe('success');
    expect(d.countdownTo).toBeNull();
  });

  it('cancelled says the thread is unlocked', () => {
    const d = diagnoseRun(run({ status: 'cancelled', cancelled_at: T0 + 120 }), { now: T0 + 180 });
    expect(d.headline).toBe('Cancelled 1 min ago, 2 min after it was created');
    expect(d.advice).toMatch(/unlocked/);
  });

  it('an unknown status is named, not hidden', () => {
    expect(diagnoseRun(run({ status: 'paused_by_facade' }), { now: T0 }).headline).toContain('paused_by_facade');
  });
});

describe('requiresActionSince', () => {
  it('takes the newest open function step, ignoring answered rounds', () => {
    const r = run({ status: 'requires_action', started_at: T0 + 100 });
    const old = fnStep({ id: 's1', status: 'completed', created_at: T0 + 10 }, 'ok');
    const open = fnStep({ id: 's2', created_at: T0 + 150 });
    expect(requiresActionSince(r, [old, open])).toBe(T0 + 150);
    expect(requiresActionSince(r, [old])).toBe(T0 + 100);
    expect(requiresActionSince(run({}), null)).toBeNull();
  });
});
