/**
 * Run page bodies checked with the contract before anything is sent; every issue becomes a field error keyed by its
 * API-style path. Apart from run-mutations.ts so that only the forms (loaded on demand) carry the request schemas.
 */
import type { z } from 'zod';
import { ModifyRunBody, SubmitToolOutputsBody, formatZodIssues, issuePath } from '@/lib/contract';

export type FieldErrors = Record<string, string>;
export type Validation<T> = { ok: true; body: T } | { ok: false; errors: FieldErrors; message: string };

/** Parses with a contract schema; every issue becomes an error keyed by its API-style path (`tool_outputs[0].output`). */
function validateWith<T>(schema: z.ZodType<T>, value: unknown): Validation<T> {
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

export function validateToolOutputs(value: unknown): Validation<SubmitToolOutputsBody> {
  return validateWith(SubmitToolOutputsBody, value);
}

export function validateRunMetadata(value: unknown): Validation<ModifyRunBody> {
  return validateWith(ModifyRunBody, value);
}
