'use client';

import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { buildRunBody, EMPTY_RUN_FORM, type FieldErrors, type RunFormState } from '@/lib/view/thread-run-form';
import { contractErrors, firstErrorField } from './validate';

/**
 * State + validation shared by the two run forms. `validate` converts the text fields, then checks the body with
 * the contract schema; on any error it moves focus to the first offending field and returns null (nothing sent).
 */
export function useRunForm<T>(opts: { prefix: string; mode: 'run' | 'thread-and-run'; schema: z.ZodType<T>; fieldOrder: readonly string[]; initial?: Partial<RunFormState> }) {
  const [state, setState] = useState<RunFormState>({ ...EMPTY_RUN_FORM, ...opts.initial });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = useCallback(<K extends keyof RunFormState>(key: K, value: RunFormState[K]) => setState((s) => ({ ...s, [key]: value })), []);

  function validate(): T | null {
    const built = buildRunBody(state, opts.mode);
    // Contract errors for what converted, conversion errors for what did not: the user sees every problem at once.
    const checked = contractErrors(opts.schema, built.body, state.metadata);
    const found: FieldErrors = { ...(checked.ok ? {} : checked.errors), ...built.errors };
    const data: T | null = checked.ok && Object.keys(built.errors).length === 0 ? checked.data : null;
    setErrors(found);
    if (data === null) {
      const field = firstErrorField(found, opts.fieldOrder);
      if (field) requestAnimationFrame(() => focusField(opts.prefix, field, found));
    }
    return data;
  }

  return { state, set, setState, errors, setErrors, validate };
}

function focusField(prefix: string, field: string, errors: FieldErrors) {
  const row = Object.keys(errors).find((k) => k.startsWith('metadata.'));
  const target =
    field === 'metadata' && row
      ? `${prefix}-metadata-key-${row.split('.')[1]}`
      : field === 'additional_messages'
        ? `${prefix}-additional_messages-0`
        : `${prefix}-${field}`;
  const el = document.getElementById(target) ?? document.getElementById(`${prefix}-${field}`);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}
