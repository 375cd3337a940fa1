import type { z } from 'zod';
import { formatZodIssues, issuePath } from '@/lib/contract/issues';
import { fieldForIssuePath, type FieldErrors, type MetadataRow } from '@/lib/view/thread-run-form';

/**
 * Runs a contract schema over a body and files each issue under the form field that shows it. Metadata issues on a
 * key go to that key's row (`metadata.<row index>`) so the message sits next to the offending pair.
 */
export function contractErrors<T>(schema: z.ZodType<T>, body: unknown, metadataRows: readonly MetadataRow[] = []): { ok: true; data: T } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issuePath(issue.path);
    const message = formatZodIssues({ issues: [issue] }).message;
    let field = fieldForIssuePath(path);
    const metaKey = issue.path[0] === 'metadata' ? issue.path[1] : undefined;
    if (typeof metaKey === 'string') {
      const row = metadataRows.findIndex((r) => r.key === metaKey);
      if (row >= 0) field = `metadata.${row}`;
    }
    errors[field] ??= message;
  }
  return { ok: false, errors };
}

/** Id of the first field with an error, in DOM order of `order`, for moving focus there after a failed submit. */
export function firstErrorField(errors: FieldErrors, order: readonly string[]): string | null {
  for (const field of order) if (Object.keys(errors).some((k) => k === field || k.startsWith(`${field}.`))) return field;
  return Object.keys(errors)[0] ?? null;
}
