/**
 * The request log served on /__emulator/requests, so tests (and people) can see what reached the
 * emulator. Bounded, and never holds the Authorization value: only whether one was sent.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface RequestLogEntry {
  seq: number;
  request_id: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  status: number;
  /** Emulator time (Unix seconds) and wall-clock time of arrival. */
  at: number;
  received_at: string;
  duration_ms: number;
  streamed: boolean;
  headers: Record<string, string>;
}

const KEPT_HEADERS = [
  'openai-beta',
  'content-type',
  'user-agent',
  'openai-organization',
  'openai-project',
  'idempotency-key',
  'x-stainless-lang',
  'x-stainless-package-version',
  'x-stainless-retry-count',
  'x-stainless-poll-helper',
  // The caller's request id: lets a test match what reached the upstream to Runboard's own records (audit log).
  'x-client-request-id',
];

export function loggedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  // Presence only: the key itself must never be stored or served.
  if (headers.authorization !== undefined) out.authorization = /^Bearer\s+\S/i.test(headers.authorization) ? 'Bearer [redacted]' : '[redacted]';
  return out;
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;
  constructor(private readonly max = 5000) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  list(): RequestLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
