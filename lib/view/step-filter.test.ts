import { describe, expect, it } from 'vitest';
import { matchesStepFilter, stepFilterOptions, stepKinds } from './step-filter';
import type { StepLike } from './run-shapes';

const message = (status: string) => ({ id: `m-${status}`, status, created_at: 1, step_details: { type: 'message_creation' } }) as unknown as StepLike;
const tools = (status: string, ...types: string[]) =>
  ({ id: `t-${status}-${types.join()}`, status, created_at: 1, step_details: { type: 'tool_calls', tool_calls: types.map((type) => ({ type, id: type })) } }) as unknown as StepLike;

describe('step filter', () => {
  const steps = [message('completed'), tools('completed', 'function', 'function'), tools('failed', 'file_search'), tools('completed', 'function', 'code_interpreter'), message('in_progress')];

  it('names what each step did, once per tool type', () => {
    expect(stepKinds(steps[1]!)).toEqual(['function']);
    expect(stepKinds(steps[3]!)).toEqual(['function', 'code_interpreter']);
    expect(stepKinds(steps[0]!)).toEqual(['message_creation']);
  });

  it('filters by kind and status together', () => {
    expect(steps.filter((s) => matchesStepFilter(s, { kind: 'function', status: '' }))).toHaveLength(2);
    expect(steps.filter((s) => matchesStepFilter(s, { kind: 'message_creation', status: 'completed' }))).toHaveLength(1);
    expect(steps.filter((s) => matchesStepFilter(s, { kind: '', status: 'failed' })).map((s) => s.id)).toEqual(['t-failed-file_search']);
  });

  it('offers only what the run has, with counts', () => {
    const { kinds, statuses } = stepFilterOptions(steps);
    expect(kinds).toEqual([
      { value: 'function', label: 'Function calls', count: 2 },
      { value: 'message_creation', label: 'Messages', count: 2 },
      { value: 'code_interpreter', label: 'Code interpreter', count: 1 },
      { value: 'file_search', label: 'File search', count: 1 },
    ]);
    expect(statuses.map((s) => [s.value, s.count])).toEqual([['completed', 3], ['failed', 1], ['in_progress', 1]]);
  });
});
