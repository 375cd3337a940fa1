import { describe, expect, it } from 'vitest';
import { outputHint, outputProblem } from './run-output-hint';

describe('outputHint', () => {
  it('recognises JSON and whether it is already pretty', () => {
    expect(outputHint('{"a":1}')).toEqual({ kind: 'json', pretty: '{\n  "a": 1\n}', isPretty: false });
    expect(outputHint('{\n  "a": 1\n}')).toMatchObject({ kind: 'json', isPretty: true });
    expect(outputHint('42')).toMatchObject({ kind: 'json', pretty: '42' });
  });

  it('warns about text that looks like JSON but does not parse', () => {
    expect(outputHint('{"a":')).toMatchObject({ kind: 'broken-json' });
    expect(outputHint('[1,2')).toMatchObject({ kind: 'broken-json' });
  });

  it('accepts plain strings as text, and tells empty from blank', () => {
    expect(outputHint('sunny, 21 °C')).toEqual({ kind: 'text' });
    expect(outputHint('')).toEqual({ kind: 'empty' });
    expect(outputHint('  \n ')).toEqual({ kind: 'blank' });
  });
});

describe('outputProblem', () => {
  it('blocks empty and whitespace-only outputs, names the function', () => {
    expect(outputProblem('', 'get_order')).toBe('Enter the output of get_order (plain text or JSON).');
    expect(outputProblem('   ', 'get_order')).toMatch(/only whitespace/);
    expect(outputProblem('{"a":', 'get_order')).toBeNull();
    expect(outputProblem('ok', 'get_order')).toBeNull();
  });
});
