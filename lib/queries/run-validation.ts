/**
 * Run page bodies checked with the contract before anything is sent; every issue becomes a field error keyed by its
 * API-style path. Apart from run-mutations.ts so that only the forms (loaded on demand) carry the request schemas.
 */
import { ModifyRunBody, SubmitToolOutputsBody } from '@/lib/contract';
import { validateWith, type Validation } from './validate-body';

export type { FieldErrors, Validation } from './validate-body';

export function validateToolOutputs(value: unknown): Validation<SubmitToolOutputsBody> {
  return validateWith(SubmitToolOutputsBody, value);
}

export function validateRunMetadata(value: unknown): Validation<ModifyRunBody> {
  return validateWith(ModifyRunBody, value);
}
