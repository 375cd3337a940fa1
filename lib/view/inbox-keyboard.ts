// The inbox's keyboard model: j/k move the selection, Enter opens, c claims — never while the person types in a
// field or holds a modifier (browser and screen-reader shortcuts keep working). Pure; unit-tested.

export type InboxKeyAction = { kind: 'move'; index: number } | { kind: 'open'; index: number } | { kind: 'claim'; index: number } | null;

export type KeyTarget = { tagName?: string; isContentEditable?: boolean; type?: string };
export type KeyInfo = { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; repeat?: boolean };

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

/** True when the key press belongs to a form field, not to the inbox. */
export function isTyping(target: KeyTarget | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (!tag || !TYPING_TAGS.has(tag)) return false;
  return !(tag === 'INPUT' && target.type && NON_TEXT_INPUTS.has(target.type.toLowerCase()));
}

/**
 * What a key press does with `count` rows and `selected` the current row (-1: none yet). `Enter` only opens when the
 * focus is not on another control (a button or link handles its own Enter).
 */
export function inboxKeyAction(event: KeyInfo, target: KeyTarget | null | undefined, selected: number, count: number): InboxKeyAction {
  if (count === 0 || event.altKey || event.ctrlKey || event.metaKey || isTyping(target)) return null;
  const tag = target?.tagName?.toUpperCase();
  switch (event.key) {
    case 'j':
    case 'ArrowDown':
      if (event.key === 'ArrowDown' && tag !== 'TR') return null;
      return { kind: 'move', index: selected < 0 ? 0 : Math.min(count - 1, selected + 1) };
    case 'k':
    case 'ArrowUp':
      if (event.key === 'ArrowUp' && tag !== 'TR') return null;
      return { kind: 'move', index: selected < 0 ? 0 : Math.max(0, selected - 1) };
    case 'Enter':
      if (selected < 0 || tag === 'BUTTON' || tag === 'A') return null;
      return { kind: 'open', index: selected };
    case 'c':
      if (selected < 0 || event.repeat) return null;
      return { kind: 'claim', index: selected };
    default:
      return null;
  }
}

/** Keeps the selection on the same run when the list refreshes (rows come and go with the watcher). */
export function reselect(previousRunId: string | null, runIds: readonly string[], previousIndex: number): number {
  if (runIds.length === 0) return -1;
  if (previousRunId) {
    const same = runIds.indexOf(previousRunId);
    if (same >= 0) return same;
  }
  return previousIndex < 0 ? -1 : Math.min(previousIndex, runIds.length - 1);
}
