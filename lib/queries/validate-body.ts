import type { z } from 'zod';
import { formatZodIssues, issuePath } from '@/lib/contract';

// Form bodies checked in the browser with the same contract schema the route checks, before anything is sent.

export type FieldErrors = Record<string, string>;
export type Validation<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors; message: string };

/** Parses with a contract schema; every issue becomes an error keyed by its API-style path (`tool_outputs[0].output`). */
export function validateWith<T>(schema: z.ZodType<T>, value: unknown): Validation<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, body: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const one = formatZodIssues({ issues: [issue] });
    const key = issuePath(issue.path) || '_';
    errors[key] ??= one.message;
  }
  return { ok: false, errors, message: formatZodIssues(parsed.error).message };
}
