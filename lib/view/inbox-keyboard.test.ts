import { describe, expect, it } from 'vitest';
import { inboxKeyAction, isTyping, reselect } from './inbox-keyboard';

const row = { tagName: 'TR' };
const body = { tagName: 'BODY' };

describe('inbox keyboard', () => {
  it('j/k move within the list and start at the first row', () => {
    expect(inboxKeyAction({ key: 'j' }, body, -1, 3)).toEqual({ kind: 'move', index: 0 });
    expect(inboxKeyAction({ key: 'j' }, body, 1, 3)).toEqual({ kind: 'move', index: 2 });
    expect(inboxKeyAction({ key: 'j' }, body, 2, 3)).toEqual({ kind: 'move', index: 2 });
    expect(inboxKeyAction({ key: 'k' }, body, 0, 3)).toEqual({ kind: 'move', index: 0 });
    expect(inboxKeyAction({ key: 'ArrowDown' }, row, 0, 3)).toEqual({ kind: 'move', index: 1 });
    expect(inboxKeyAction({ key: 'ArrowDown' }, body, 0, 3)).toBeNull(); // the page scrolls as usual
  });

  it('Enter opens and c claims the selected row only', () => {
    expect(inboxKeyAction({ key: 'Enter' }, row, 1, 3)).toEqual({ kind: 'open', index: 1 });
    expect(inboxKeyAction({ key: 'Enter' }, body, -1, 3)).toBeNull();
    expect(inboxKeyAction({ key: 'Enter' }, { tagName: 'BUTTON' }, 1, 3)).toBeNull();
    expect(inboxKeyAction({ key: 'c' }, row, 2, 3)).toEqual({ kind: 'claim', index: 2 });
    expect(inboxKeyAction({ key: 'c', repeat: true }, row, 2, 3)).toBeNull();
  });

  it('does nothing while typing, with a modifier, or with no rows', () => {
    expect(isTyping({ tagName: 'input', type: 'text' })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(inboxKeyAction({ key: 'c' }, { tagName: 'TEXTAREA' }, 0, 3)).toBeNull();
    expect(inboxKeyAction({ key: 'j' }, { tagName: 'SELECT' }, 0, 3)).toBeNull();
    expect(inboxKeyAction({ key: 'c', metaKey: true }, row, 0, 3)).toBeNull();
    expect(inboxKeyAction({ key: 'j' }, body, -1, 0)).toBeNull();
  });

  it('keeps the selection on the same run across refreshes', () => {
    expect(reselect('run_b', ['run_a', 'run_c', 'run_b'], 1)).toBe(2);
    expect(reselect('run_gone', ['run_a'], 3)).toBe(0);
    expect(reselect(null, ['run_a'], -1)).toBe(-1);
    expect(reselect('run_a', [], 0)).toBe(-1);
  });
});
