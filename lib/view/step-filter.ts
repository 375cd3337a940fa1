// Narrowing a long run's steps by what they did (message, function call, code interpreter, file search) and how
// they ended. Pure; the options list only what the run has, with counts, so no choice leads to an empty list.
import type { StepLike } from './run-shapes';

export type StepFilter = { kind: string; status: string };
export const NO_STEP_FILTER: StepFilter = { kind: '', status: '' };

const KIND_LABELS: Record<string, string> = {
  message_creation: 'Messages',
  function: 'Function calls',
  code_interpreter: 'Code interpreter',
  file_search: 'File search',
};

/** What a step did: `message_creation`, or each distinct tool-call type it made (`function`, `file_search`…). */
export function stepKinds(step: StepLike): string[] {
  const details = step.step_details;
  const type = details?.type ?? step.type ?? 'unknown';
  if (type !== 'tool_calls') return [type];
  const calls = Array.isArray(details?.tool_calls) ? details.tool_calls : [];
  return calls.length ? [...new Set(calls.map((c) => c.type || 'unknown'))] : ['tool_calls'];
}

export function stepKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/_/g, ' ');
}

export function matchesStepFilter(step: StepLike, filter: StepFilter): boolean {
  if (filter.status && step.status !== filter.status) return false;
  if (filter.kind && !stepKinds(step).includes(filter.kind)) return false;
  return true;
}

export type StepFilterOption = { value: string; label: string; count: number };

/** The kinds and statuses present in the run, most frequent first. */
export function stepFilterOptions(steps: readonly StepLike[]): { kinds: StepFilterOption[]; statuses: StepFilterOption[] } {
  const kinds = new Map<string, number>();
  const statuses = new Map<string, number>();
  for (const step of steps) {
    for (const kind of stepKinds(step)) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const status = step.status ?? 'unknown';
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const list = (map: Map<string, number>, label: (v: string) => string) =>
    [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, label: label(value), count }));
  return { kinds: list(kinds, stepKindLabel), statuses: list(statuses, (s) => s.replace(/_/g, ' ')) };
}
