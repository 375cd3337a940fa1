import { describe, expect, it } from 'vitest';
import { buildRunBody, EMPTY_RUN_FORM, fieldForIssuePath, metadataFromRows, metadataOverLimit, rowsFromMetadata } from './thread-run-form';

describe('buildRunBody', () => {
  it('omits everything left empty', () => {
    expect(buildRunBody({ ...EMPTY_RUN_FORM, assistant_id: ' asst_1 ' }, 'run')).toEqual({ body: { assistant_id: 'asst_1' }, errors: {} });
  });

  it('converts numbers, tool choice, truncation, messages and metadata', () => {
    const { body, errors } = buildRunBody(
      {
        ...EMPTY_RUN_FORM,
        assistant_id: 'asst_1',
        model: 'gpt-4o',
        additional_instructions: 'Be brief.',
        additional_messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: '  ' }],
        tool_choice: 'function',
        tool_choice_function: 'get_weather',
        parallel_tool_calls: 'false',
        temperature: '0.2',
        max_completion_tokens: '512',
        truncation: 'last_messages',
        truncation_last_messages: '10',
        metadata: [{ key: 'ticket', value: 'T-1' }, { key: '', value: '' }],
      },
      'run',
    );
    expect(errors).toEqual({});
    expect(body).toEqual({
      assistant_id: 'asst_1',
      model: 'gpt-4o',
      additional_instructions: 'Be brief.',
      additional_messages: [{ role: 'user', content: 'hi' }],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      temperature: 0.2,
      max_completion_tokens: 512,
      truncation_strategy: { type: 'last_messages', last_messages: 10 },
      metadata: { ticket: 'T-1' },
    });
  });

  it('reports text that cannot be converted, per field', () => {
    const { errors } = buildRunBody(
      { ...EMPTY_RUN_FORM, temperature: 'hot', max_prompt_tokens: '300.5', tools_override: true, tools_json: '{oops', tool_choice: 'function' },
      'run',
    );
    expect(Object.keys(errors).sort()).toEqual(['max_prompt_tokens', 'temperature', 'tool_choice', 'tools']);
  });

  it('thread-and-run needs the first message and puts it in thread.messages', () => {
    expect(buildRunBody({ ...EMPTY_RUN_FORM, assistant_id: 'a' }, 'thread-and-run').errors.first_message).toMatch(/first user message/);
    const { body } = buildRunBody({ ...EMPTY_RUN_FORM, assistant_id: 'a', first_message: 'Hello', additional_instructions: 'x' }, 'thread-and-run');
    expect(body).toEqual({ assistant_id: 'a', thread: { messages: [{ role: 'user', content: 'Hello' }] } });
  });
});

describe('metadata rows', () => {
  it('flags duplicate keys and keyless values', () => {
    const errors = {};
    const out = metadataFromRows([{ key: 'a', value: '1' }, { key: 'a', value: '2' }, { key: ' ', value: 'x' }], errors);
    expect(out).toEqual({ a: '1' });
    expect(errors).toEqual({ 'metadata.1': 'Duplicate key "a".', 'metadata.2': 'A value needs a key.' });
  });
  it('reports duplicate keys, an over-long key and an over-long value together, and too many pairs', () => {
    const errors = {};
    const rows = [
      { key: 'a', value: '1' },
      { key: 'a', value: '2' },
      { key: 'k'.repeat(65), value: 'v'.repeat(513) },
      ...Array.from({ length: 15 }, (_, i) => ({ key: `n${i}`, value: 'x' })),
    ];
    metadataFromRows(rows, errors);
    expect(errors).toEqual({
      'metadata.1': 'Duplicate key "a".',
      'metadata.2': 'The key is 65 characters; the limit is 64. The value is 513 characters; the limit is 512.',
      metadata: 'At most 16 pairs; remove 2.',
    });
    expect(metadataOverLimit(rows)).toBe(true);
    expect(metadataOverLimit(rows.slice(0, 2))).toBe(false);
  });
  it('round-trips from response metadata (non-strings shown as JSON)', () => {
    expect(rowsFromMetadata({ a: 'x', n: 3 })).toEqual([{ key: 'a', value: 'x' }, { key: 'n', value: '3' }]);
  });
});

describe('fieldForIssuePath', () => {
  it.each([
    ['temperature', 'temperature'],
    ['metadata.ticket', 'metadata'],
    ['additional_messages[0].content', 'additional_messages'],
    ['tools[2].function.name', 'tools'],
    ['truncation_strategy.last_messages', 'truncation_strategy'],
    ['thread.messages[0].content', 'first_message'],
    ['', 'form'],
  ])('%s → %s', (path, field) => {
    expect(fieldForIssuePath(path)).toBe(field);
  });
});
