import { describe, expect, it } from 'vitest';
import { runAgainForm } from './run-again';
import { RUN_AGAIN_STATUSES } from './run-shapes';
import { buildRunBody, EMPTY_RUN_FORM } from './thread-run-form';

const failed = {
  status: 'failed',
  assistant_id: 'asst_billing',
  model: 'gpt-4o',
  instructions: 'Be brief.',
  tools: [{ type: 'function', function: { name: 'lookup_invoice', parameters: { type: 'object' } } }],
  tool_choice: { type: 'function', function: { name: 'lookup_invoice' } },
  parallel_tool_calls: false,
  temperature: 0.2,
  top_p: 1,
  max_prompt_tokens: 2000,
  max_completion_tokens: 512,
  truncation_strategy: { type: 'last_messages', last_messages: 6 },
  metadata: { ticket: 'TCK-10377' },
};

describe('Run again (issue 9 gap)', () => {
  it('is offered for failed, expired, cancelled and incomplete runs only', () => {
    expect([...RUN_AGAIN_STATUSES].sort()).toEqual(['cancelled', 'expired', 'failed', 'incomplete']);
  });
  it("prefills the form with the run's settings, and the form builds the same request", () => {
    const state = { ...EMPTY_RUN_FORM, ...runAgainForm(failed) };
    expect(state).toMatchObject({ assistant_id: 'asst_billing', model: 'gpt-4o', tool_choice: 'function', tool_choice_function: 'lookup_invoice', parallel_tool_calls: 'false', truncation: 'last_messages', truncation_last_messages: '6' });
    const built = buildRunBody(state, 'run');
    expect(built.errors).toEqual({});
    expect(built.body).toMatchObject({
      assistant_id: 'asst_billing',
      model: 'gpt-4o',
      instructions: 'Be brief.',
      tools: failed.tools,
      tool_choice: failed.tool_choice,
      parallel_tool_calls: false,
      temperature: 0.2,
      top_p: 1,
      max_prompt_tokens: 2000,
      max_completion_tokens: 512,
      truncation_strategy: failed.truncation_strategy,
      metadata: failed.metadata,
    });
  });
  it('copes with a sparse run from a facade', () => {
    const state = { ...EMPTY_RUN_FORM, ...runAgainForm({ status: 'expired', assistant_id: 'asst_x' }) };
    expect(buildRunBody(state, 'run')).toMatchObject({ errors: {}, body: { assistant_id: 'asst_x' } });
  });
});
