import { describe, expect, it } from 'vitest';
import type { StepLike } from './run-shapes';
import { buildStepGantt, pendingFunctionCalls, stepLabel } from './step-timeline';

const T0 = 1_760_000_000;
const step = (over: Partial<StepLike>): StepLike => ({ id: 'step_1', status: 'completed', created_at: T0, ...over });

describe('buildStepGantt', () => {
  it('positions steps as fractions of the span, oldest first', () => {
    const g = buildStepGantt(
      [step({ id: 'b', created_at: T0 + 50, completed_at: T0 + 100 }), step({ id: 'a', created_at: T0, completed_at: T0 + 50 })],
      { now: T0 + 1000 },
    );
    expect(g.bars.map((b) => [b.id, b.left, b.width, b.duration])).toEqual([
      ['a', 0, 0.5, 50],
      ['b', 0.5, 0.5, 50],
    ]);
  });

  it('draws running steps up to now and keeps zero-length steps visible', () => {
    const g = buildStepGantt([step({ id: 'z', created_at: T0, completed_at: T0 }), step({ id: 'r', status: 'in_progress', created_at: T0 + 10 })], {
      now: T0 + 20,
    });
    expect(g.spanEnd).toBe(T0 + 20);
    expect(g.bars[0]!.width).toBeGreaterThan(0);
    expect(g.bars[1]).toMatchObject({ end: null, duration: 10, left: 0.5, width: 0.5 });
  });

  it('uses the run span when given, and steps never overflow it', () => {
    const g = buildStepGantt([step({ created_at: T0 + 90, completed_at: T0 + 100 })], { now: T0, spanStart: T0, spanEnd: T0 + 100 });
    expect(g.bars[0]!.left).toBeCloseTo(0.9);
    expect(g.bars[0]!.width).toBeCloseTo(0.1);
  });

  it('reads the expires_at quirk as the end of an expired step', () => {
    const g = buildStepGantt([step({ status: 'expired', created_at: T0, expires_at: T0 + 30 })], { now: T0 + 99 });
    expect(g.bars[0]).toMatchObject({ end: T0 + 30, duration: 30 });
  });

  it('an empty run has no bars', () => {
    expect(buildStepGantt([], { now: T0 }).bars).toEqual([]);
  });
});

describe('stepLabel', () => {
  it('names message, function, code and search steps, and raw unknown types', () => {
    expect(stepLabel(step({ step_details: { type: 'message_creation' } }))).toBe('Message');
    const calls = [
      { type: 'function', function: { name: 'get_weather' } },
      { type: 'function', function: { name: 'get_weather' } },
      { type: 'code_interpreter' },
      { type: 'file_search' },
      { type: 'function', function: { name: 'refund' } },
    ];
    expect(stepLabel(step({ step_details: { type: 'tool_calls', tool_calls: calls } }))).toBe('get_weather(), Code interpreter, File search +1');
    expect(stepLabel(step({ type: 'hologram', step_details: null }))).toBe('hologram');
    expect(stepLabel(step({ step_details: { type: 'tool_calls', tool_calls: [] } }))).toBe('Tool calls');
  });

  it('lists function calls still waiting for output', () => {
    const s = step({
      step_details: {
        type: 'tool_calls',
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'a', output: 'done' } },
          { id: 'call_b', type: 'function', function: { name: 'b', output: null } },
        ],
      },
    });
    expect(pendingFunctionCalls(s).map((c) => c.id)).toEqual(['call_b']);
  });
});
