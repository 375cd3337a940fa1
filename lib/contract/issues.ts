/**
 * zod issues → one message + param in the API's own error style. Used by the proxy (400
 * envelopes), the emulator (same wording as the real server) and the UI forms (field errors
 * keyed by `param`).
 */
import type { z } from 'zod';

/** `['tool_outputs', 0, 'output']` → `tool_outputs[0].output` (the API's own param style). */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `value must be at most ${max} characters`;
      if (issue.origin === 'array') return `array must have at most ${max} items`;
      return issue.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `value must be at least ${min} characters`;
      if (issue.origin === 'array') return `array must have at least ${min} items`;
      return issue.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? `key: ${describeIssue(inner).replace(/^value /, '')}` : 'invalid key';
    }
    case 'invalid_union':
      return 'does not match any allowed shape';
    default:
      return issue.message;
  }
}

/** True when zod's message was written by us (custom messages) rather than zod's defaults. */
function hasCustomMessage(issue: Issue): boolean {
  return !/^(Invalid input|Too (big|small)|Invalid (key|option|string|element|union))/.test(issue.message);
}

/**
 * A union failure says only "Invalid input". Dig into the branch that got furthest (deepest
 * issue path, ignoring branches that failed on the value's type or discriminator) so the
 * message names the real field, e.g. `content: []` → "array must have at least 1 items".
 */
function unwrapUnion(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  let best: Issue | undefined;
  let bestScore = -1;
  for (const branch of issue.errors) {
    for (const inner of branch) {
      const rootMiss = inner.path.length === 0 && inner.code === 'invalid_type';
      const discriminatorMiss = inner.code === 'invalid_value' && inner.path.length === 1 && inner.path[0] === 'type';
      const score = rootMiss || discriminatorMiss ? 0 : inner.path.length + 1;
      if (score > bestScore) {
        best = inner;
        bestScore = score;
      }
    }
  }
  if (!best || bestScore === 0) return issue;
  return unwrapUnion({ ...best, path: [...issue.path, ...best.path] } as Issue);
}

/**
 * One readable message + param for an error envelope, in the API's own style:
 * `Invalid 'metadata.team': value must be at most 512 characters.`,
 * `Missing required parameter: 'assistant_id'.`,
 * `Unrecognized request argument supplied: foo`.
 * Used by the proxy (400 envelopes), the emulator and the UI forms (field errors via `param`).
 */
export function formatZodIssues(error: z.ZodError | { issues: readonly Issue[] }): {
  message: string;
  param: string | null;
} {
  const first = error.issues[0];
  if (!first) return { message: 'Invalid request.', param: null };
  const issue = unwrapUnion(first);
  const base = issuePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const param = base === '' ? key : `${base}.${key}`;
    return { message: `Unrecognized request argument supplied: ${param}`, param };
  }
  const param = base === '' ? null : base;
  const where = param === null ? 'request body' : `'${param}'`;
  if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
    return { message: `Missing required parameter: ${where}.`, param };
  }
  const detail = issue.message.startsWith('Invalid discriminator value. Expected ')
    ? `must be one of ${issue.message.slice('Invalid discriminator value. Expected '.length)}`
    : hasCustomMessage(issue)
      ? issue.message
      : describeIssue(issue);
  return { message: `Invalid ${where}: ${detail}.`, param };
}
