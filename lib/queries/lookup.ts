/** Run id → thread id, from the runs Runboard has seen (GET /api/lookup; see lib/server/lookup.ts). */
import type { z } from 'zod';
import { apiFetch, contractSchema } from './fetcher';
import type { LookupResult as LookupResultSchema } from './schemas';

export type LookupResult = z.infer<typeof LookupResultSchema>;

export type LookupProgress = NonNullable<LookupResult['progress']>;

export function lookupRunStep(runId: string, cursor?: string, signal?: AbortSignal): Promise<LookupResult> {
  return apiFetch('/api/lookup', { schema: contractSchema('LookupResult'), query: { run_id: runId, cursor }, signal });
}

/**
 * The thread of a run, searching as far as it takes: each answer that is still searching reports its progress and
 * a cursor to continue from. Throws the final 404 (its message says what was searched and what could not be).
 */
export async function lookupRun(runId: string, signal?: AbortSignal, onProgress?: (p: LookupProgress) => void): Promise<LookupResult & { thread_id: string }> {
  let cursor: string | undefined;
  for (;;) {
    const answer = await lookupRunStep(runId, cursor, signal);
    if (answer.thread_id !== null) return { ...answer, thread_id: answer.thread_id };
    if (!answer.cursor) throw new Error('The lookup stopped without an answer.');
    if (answer.progress) onProgress?.(answer.progress);
    cursor = answer.cursor;
  }
}
