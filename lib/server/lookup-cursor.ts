/**
 * Where a run-id lookup left off, carried by the client between requests: the thread (by position in the scan
 * order), the runs page inside it, and the counts so the final answer reports the whole search. Opaque base64url
 * JSON, checked on the way back in (a cursor for another run id or a malformed one is refused).
 */
import { ID_PATTERN } from '@/lib/contract/kinds';

export type ScanState = { runId: string; thread: number; after: string | null; runs: number; scanned: number; failed: number; reasons: string[] };

const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;

export function encodeScanCursor(state: ScanState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeScanCursor(cursor: string, runId: string): ScanState | null {
  if (cursor.length > 4096) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Partial<ScanState>;
  if (s.runId !== runId || !count(s.thread) || !count(s.runs) || !count(s.scanned) || !count(s.failed)) return null;
  if (s.after !== null && (typeof s.after !== 'string' || !ID_PATTERN.test(s.after))) return null;
  if (!Array.isArray(s.reasons) || s.reasons.length > 10 || !s.reasons.every((r) => typeof r === 'string' && r.length <= 300)) return null;
  return { runId, thread: s.thread as number, after: s.after ?? null, runs: s.runs as number, scanned: s.scanned as number, failed: s.failed as number, reasons: s.reasons };
}
