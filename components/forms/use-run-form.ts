'use client';

import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { buildRunBody, EMPTY_RUN_FORM, type FieldErrors, type RunFormState } from '@/lib/view/thread-run-form';
import { contractErrors, firstErrorField } from './validate';

/**
 * State + validation shared by the two run forms. `validate` converts the text fields, then checks the body with
 * the contract schema; on any error it moves focus to the first offending field and returns null (nothing sent).
 */
export function useRunForm<T>(opts: { prefix: string; mode: 'run' | 'thread-and-run'; schema: z.ZodType<T>; fieldOrder: readonly string[]; initial?: Partial<RunFormState> }) {
  const [state, setState] = useState<RunFormState>({ ...EMPTY_RUN_FORM, ...opts.initial });
  // After a failed submit, the form is re-checked on every edit: an error leaves as soon as its cause does.
  const [attempted, setAttempted] = useState(false);
  const set = useCallback(<K extends keyof RunFormState>(key: K, value: RunFormState[K]) => setState((s) => ({ ...s, [key]: value })), []);
  const { schema, mode } = opts;
  const errors = useMemo<FieldErrors>(() => (attempted ? checkRunForm(state, mode, schema).errors : {}), [attempted, state, mode, schema]);

  function validate(): T | null {
    const { data, errors: found } = checkRunForm(state, mode, schema);
    setAttempted(true);
    if (data === null) {
      const field = firstErrorField(found, opts.fieldOrder);
      if (field) requestAnimationFrame(() => focusField(opts.prefix, field, found, state));
    }
    return data;
  }

  return { state, set, setState, errors, validate };
}

/** Converts the text fields, then checks the body with the contract: every problem at once, under its field. */
function checkRunForm<T>(state: RunFormState, mode: 'run' | 'thread-and-run', schema: z.ZodType<T>): { data: T | null; errors: FieldErrors } {
  const built = buildRunBody(state, mode);
  const checked = contractErrors(schema, built.body, state.metadata);
  const errors: FieldErrors = { ...(checked.ok ? {} : checked.errors), ...built.errors };
  if (errors.assistant_id) errors.assistant_id = assistantError(state.assistant_id);
  return { data: checked.ok && Object.keys(built.errors).length === 0 ? checked.data : null, errors };
}

/** The assistant problem in words, not the schema's: shown under the assistant dropdown. */
export function assistantError(typed: string): string {
  const id = typed.trim();
  if (!id) return 'Choose an assistant from the list, or type its id.';
  return `"${id.length > 40 ? `${id.slice(0, 40)}…` : id}" is not an assistant id: ids are up to 128 letters, digits, _ or - (like asst_abc123), with no spaces.`;
}

function focusField(prefix: string, field: string, errors: FieldErrors, state: RunFormState) {
  const row = Object.keys(errors).find((k) => k.startsWith('metadata.'));
  const pick = document.getElementById(`${prefix}-assistant_pick`) as HTMLSelectElement | null;
  const target =
    // Nothing typed: the dropdown is where to fix it (when it has a list); a typed id is fixed where it was typed.
    field === 'assistant_id' && !state.assistant_id.trim() && pick && !pick.disabled
      ? `${prefix}-assistant_pick`
      : field === 'metadata' && row
      ? `${prefix}-metadata-key-${row.split('.')[1]}`
      : field === 'additional_messages'
        ? `${prefix}-additional_messages-0`
        : `${prefix}-${field}`;
  const el = document.getElementById(target) ?? document.getElementById(`${prefix}-${field}`);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}
