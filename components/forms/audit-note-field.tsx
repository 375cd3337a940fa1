'use client';

import { Field, fieldAria, Textarea } from '@/components/ui/field';

export const AUDIT_NOTE_MAX = 500;

/** Characters as the server counts them (code points, so an emoji is one). */
export const noteLength = (text: string) => [...text.trim()].length;

/** Why a change is made, for the audit log and the run's history. Optional, except for cancel (`required`). */
export function AuditNoteField({
  id,
  value,
  onChange,
  required = false,
  error,
  label,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  error?: string | null;
  label?: string;
}) {
  const length = noteLength(value);
  const over = length > AUDIT_NOTE_MAX;
  const shownError = error ?? (over ? `At most ${AUDIT_NOTE_MAX} characters (${length} now).` : null);
  return (
    <Field
      id={id}
      label={label ?? (required ? 'Reason' : 'Note for the audit log')}
      optional={!required}
      hint={`${length}/${AUDIT_NOTE_MAX} · shown in this run's history and the audit log, with your name.`}
      error={shownError}
    >
      <Textarea
        {...fieldAria(id, { error: shownError, hint: true })}
        className="min-h-16 font-sans"
        rows={2}
        value={value}
        required={required}
        aria-required={required || undefined}
        onChange={(e) => onChange(e.target.value)}
        data-testid={id}
      />
    </Field>
  );
}

/** The note to send, or an error message to show inline. */
export function checkNote(value: string, required: boolean): { ok: true; note: string | undefined } | { ok: false; message: string } {
  const text = value.trim();
  if (required && !text) return { ok: false, message: 'Say why: the reason is kept in the run’s history and the audit log.' };
  if (noteLength(text) > AUDIT_NOTE_MAX) return { ok: false, message: `At most ${AUDIT_NOTE_MAX} characters (${noteLength(text)} now).` };
  return { ok: true, note: text || undefined };
}
