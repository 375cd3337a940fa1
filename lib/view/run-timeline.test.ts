import { describe, expect, it } from 'vitest';
import { buildRunTimeline, phaseDwell } from './run-timeline';
import type { RunLike, StepLike } from './run-shapes';

const T0 = 1_760_000_000;
const run = (over: Partial<RunLike>): RunLike => ({ id: 'run_1', status: 'queued', created_at: T0, ...over });
const msgStep = (created: number, end: number | null, status = 'completed'): StepLike => ({
  id: `step_m${created}`,
  type: 'message_creation',
  status,
  created_at: created,
  completed_at: status === 'completed' ? end : null,
  expired_at: status === 'expired' ? end : null,
});
const fnStep = (created: number, end: number | null, status = 'completed'): StepLike => ({
  id: `step_f${created}`,
  type: 'tool_calls',
  status,
  created_at: created,
  completed_at: status === 'completed' ? end : null,
  expired_at: status === 'expired' ? end : null,
  step_details: { type: 'tool_calls', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}', output: status === 'completed' ? 'ok' : null } }] },
});
const shape = (t: ReturnType<typeof buildRunTimeline>) =>
  t.phases.map((p) => `${p.status} ${p.start === null ? '?' : p.start - T0}${p.startPrecision === 'estimate' ? '~' : ''}→${p.ongoing ? 'now' : p.end === null ? '?' : p.end - T0}${p.endPrecision === 'estimate' ? '~' : ''}`);

describe('buildRunTimeline', () => {
  it('plain completed run: queued dwell = started_at − created_at, then in progress to completed_at', () => {
    const t = buildRunTimeline(run({ status: 'completed', started_at: T0 + 3, completed_at: T0 + 20 }), { now: T0 + 999, steps: [msgStep(T0 + 4, T0 + 20)] });
    expect(shape(t)).toEqual(['queued 0→3', 'in_progress 3→20']);
    expect(t.terminal).toMatchObject({ status: 'completed', at: T0 + 20, precision: 'exact' });
    expect(phaseDwell(t.phases[0]!, T0)).toBe(3);
    expect(t.spanEnd).toBe(T0 + 20);
  });

  it('one tool round: requires_action from the tool step (estimate) to its completion (outputs submitted), re-queued until the latest started_at', () => {
    const t = buildRunTimeline(run({ status: 'completed', started_at: T0 + 130, completed_at: T0 + 150 }), {
      now: T0 + 999,
      steps: [msgStep(T0 + 131, T0 + 150), fnStep(T0 + 5, T0 + 120)],
    });
    // started_at moved on, so the first start is bounded by the first step (estimate).
    expect(shape(t)).toEqual(['queued 0→5~', 'in_progress 5~→5~', 'requires_action 5~→120', 'queued 120→130', 'in_progress 130→150']);
  });

  it('two tool rounds: the middle resume is estimated from the next step', () => {
    const t = buildRunTimeline(run({ status: 'completed', started_at: T0 + 300, completed_at: T0 + 320 }), {
      now: T0 + 999,
      steps: [fnStep(T0 + 5, T0 + 100), fnStep(T0 + 110, T0 + 290), msgStep(T0 + 301, T0 + 320)],
    });
    expect(shape(t)).toEqual([
      'queued 0→5~',
      'in_progress 5~→5~',
      'requires_action 5~→100',
      'queued 100→110~',
      'in_progress 110~→110~',
      'requires_action 110~→290',
      'queued 290→300',
      'in_progress 300→320',
    ]);
  });

  it('waiting for tool outputs now: the requires_action phase is ongoing', () => {
    const t = buildRunTimeline(run({ status: 'requires_action', started_at: T0 + 2, expires_at: T0 + 600 }), { now: T0 + 400, steps: [fnStep(T0 + 5, null, 'in_progress')] });
    expect(shape(t)).toEqual(['queued 0→2', 'in_progress 2→5~', 'requires_action 5~→now']);
    expect(phaseDwell(t.phases[2]!, T0 + 400)).toBe(395);
    expect(t.terminal).toBeNull();
    expect(t.spanEnd).toBe(T0 + 400);
  });

  it('requires_action before steps load: the pause start is unknown, not invented', () => {
    const t = buildRunTimeline(run({ status: 'requires_action', started_at: T0 + 2 }), { now: T0 + 50 });
    expect(shape(t)).toEqual(['queued 0→2', 'in_progress 2→?', 'requires_action ?→now']);
    expect(phaseDwell(t.phases[2]!, T0 + 50)).toBeNull();
  });

  it('a function step still being written does not count as requires_action', () => {
    const t = buildRunTimeline(run({ status: 'in_progress', started_at: T0 + 2 }), { now: T0 + 9, steps: [fnStep(T0 + 5, null, 'in_progress')] });
    expect(shape(t)).toEqual(['queued 0→2', 'in_progress 2→now']);
  });

  it('queued for hours and never started', () => {
    const t = buildRunTimeline(run({ status: 'queued' }), { now: T0 + 3 * 3600, steps: [] });
    expect(shape(t)).toEqual(['queued 0→now']);
    expect(phaseDwell(t.phases[0]!, T0 + 3 * 3600)).toBe(3 * 3600);
  });

  it('expired waiting for outputs ends at the step expiry', () => {
    const t = buildRunTimeline(run({ status: 'expired', started_at: T0 + 2 }), { now: T0 + 900, steps: [fnStep(T0 + 5, T0 + 600, 'expired')] });
    expect(shape(t)).toEqual(['queued 0→2', 'in_progress 2→5~', 'requires_action 5~→600']);
    expect(t.terminal).toMatchObject({ status: 'expired', at: T0 + 600, precision: 'exact' });
  });

  it('expired in the queue with no steps: expiry time is estimated at creation + 10 min', () => {
    const t = buildRunTimeline(run({ status: 'expired' }), { now: T0 + 900, steps: [] });
    expect(shape(t)).toEqual(['queued 0→600~']);
    expect(t.terminal?.precision).toBe('estimate');
  });

  it('cancelling: exact when this browser sent the cancel, unknown otherwise', () => {
    const r = run({ status: 'cancelling', started_at: T0 + 2 });
    expect(shape(buildRunTimeline(r, { now: T0 + 100, cancelRequestedAt: T0 + 40 }))).toEqual(['queued 0→2', 'in_progress 2→40', 'cancelling 40→now']);
    const unknown = buildRunTimeline(r, { now: T0 + 100 });
    expect(shape(unknown)).toEqual(['queued 0→2', 'in_progress 2→?', 'cancelling ?→now']);
    expect(unknown.phases[2]?.note).toMatch(/does not record/);
  });

  it('cancelled ends the cancelling phase at cancelled_at', () => {
    const t = buildRunTimeline(run({ status: 'cancelled', started_at: T0 + 2, cancelled_at: T0 + 70 }), { now: T0 + 100 });
    expect(shape(t)).toEqual(['queued 0→2', 'in_progress 2→?', 'cancelling ?→70']);
    expect(t.terminal).toMatchObject({ status: 'cancelled', at: T0 + 70 });
  });

  it('failed straight from the queue, and incomplete using completed_at', () => {
    expect(shape(buildRunTimeline(run({ status: 'failed', failed_at: T0 + 8 }), { now: T0 + 9, steps: [] }))).toEqual(['queued 0→8']);
    const inc = buildRunTimeline(run({ status: 'incomplete', started_at: T0 + 1, completed_at: T0 + 30 }), { now: T0 + 99 });
    expect(shape(inc)).toEqual(['queued 0→1', 'in_progress 1→30']);
  });

  it('without started_at the first step bounds the start of work, and the note says why', () => {
    const t = buildRunTimeline(run({ status: 'in_progress' }), { now: T0 + 9, steps: [msgStep(T0 + 4, null, 'in_progress')] });
    expect(shape(t)).toEqual(['queued 0→4~', 'in_progress 4~→now']);
    expect(t.phases[1]?.note).toMatch(/started_at not reported/);
  });

  it('sparse facade objects (no started_at, no terminal timestamp) keep unknowns unknown', () => {
    const t = buildRunTimeline(run({ status: 'completed' }), { now: T0 + 50 });
    expect(shape(t)).toEqual(['queued 0→?']);
    expect(t.terminal).toMatchObject({ at: null, precision: 'unknown' });
    expect(t.spanEnd).toBe(T0);
  });

  it('handles 500 steps in any order quickly and in order', () => {
    const steps = Array.from({ length: 500 }, (_, i) => msgStep(T0 + 1 + i, T0 + 2 + i)).toReversed();
    const t = buildRunTimeline(run({ status: 'completed', started_at: T0 + 1, completed_at: T0 + 502 }), { now: T0, steps });
    expect(shape(t)).toEqual(['queued 0→1', 'in_progress 1→502']);
  });
});
