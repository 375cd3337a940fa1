import 'server-only';
import { MAX_REASON_LENGTH, type MutationAction } from '../audit';

// What the audit log learns about a proxied mutation: its action, the reason the caller gave, and a detail made of
// counts and metadata keys only — never message text, tool outputs or metadata values (customer data).

export const MUTATION_ACTIONS_BY_ENDPOINT: Readonly<Record<string, MutationAction>> = {
  createRun: 'run.create',
  createThreadAndRun: 'thread_and_run.create',
  submitToolOutputs: 'run.submit_tool_outputs',
  cancelRun: 'run.cancel',
  modifyRun: 'run.modify',
};

export const REASON_HEADER = 'x-runboard-reason';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);
const keys = (v: unknown) => (isObj(v) ? Object.keys(v).sort() : []);

export function mutationDetail(endpointId: string, body: unknown): Record<string, unknown> {
  const b = isObj(body) ? body : {};
  const stream = b.stream === true ? { stream: true } : {};
  switch (endpointId) {
    case 'createRun':
      return { assistant_id: b.assistant_id, additional_messages: count(b.additional_messages), metadata_keys: keys(b.metadata), ...stream };
    case 'createThreadAndRun':
      return { assistant_id: b.assistant_id, messages: isObj(b.thread) ? count(b.thread.messages) : 0, metadata_keys: keys(b.metadata), ...stream };
    case 'submitToolOutputs':
      return { tool_outputs: count(b.tool_outputs), ...stream };
    case 'modifyRun':
      return { metadata_keys: keys(b.metadata) };
    default:
      return {};
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return (code < 0x20 && c !== '\t' && c !== '\n') || code === 0x7f;
}

/**
 * The reason from `X-Runboard-Reason`: plain text, or `utf-8''<percent-encoded>` (RFC 8187 style, what the dashboard
 * sends, since browsers only put Latin-1 in headers). Raw UTF-8 bytes (curl) arrive as Latin-1 and are re-read.
 */
export function readReason(headers: Headers): { ok: true; reason: string | null } | { ok: false; message: string } {
  const raw = headers.get(REASON_HEADER);
  if (raw === null) return { ok: true, reason: null };
  let text = raw;
  if (/^utf-8''/i.test(text)) {
    try {
      text = decodeURIComponent(text.slice(7));
    } catch {
      return { ok: false, message: `Invalid 'X-Runboard-Reason' header: after utf-8'' it must be percent-encoded UTF-8.` };
    }
  } else if ([...text].some((c) => c.charCodeAt(0) > 0x7f) && [...text].every((c) => c.charCodeAt(0) <= 0xff)) {
    try {
      text = decoder.decode(Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
    } catch {
      // Not UTF-8: keep the Latin-1 reading.
    }
  }
  // Control characters (other than tab and newline) would garble a CSV export or a terminal.
  const reason = [...text].map((c) => (isControl(c) ? ' ' : c)).join('').trim();
  if ([...reason].length > MAX_REASON_LENGTH) {
    return { ok: false, message: `Invalid 'X-Runboard-Reason' header: a reason may be at most ${MAX_REASON_LENGTH} characters (got ${[...reason].length}).` };
  }
  return { ok: true, reason: reason || null };
}
