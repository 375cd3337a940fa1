import 'server-only';
import type { Caller } from '@/lib/server/access';
import { toRole } from './roles';

// Builders for the Caller shape every server module uses (lib/server/access.ts), from better-auth's records.

export type RequestMeta = { address: string | null; userAgent: string | null };

const trustProxy = () => /^(1|true|yes)$/i.test(process.env.RUNBOARD_TRUST_PROXY?.trim() ?? '');

/** Client address and user agent for logs and the audit trail (behind a trusted proxy: the address it appended). */
export function requestMeta(headers: Headers | null): RequestMeta {
  if (!headers) return { address: null, userAgent: null };
  const chain = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const address = (trustProxy() ? chain.at(-1) : chain[0]) ?? null;
  return { address: address?.slice(0, 64) ?? null, userAgent: headers.get('user-agent')?.slice(0, 256) ?? null };
}

type UserRecord = { id: unknown; name?: unknown; email?: unknown; role?: unknown };

export function userCaller(user: UserRecord, sessionId: string, meta: RequestMeta): Caller {
  return { kind: 'user', id: String(user.id), name: String(user.name ?? ''), email: String(user.email ?? ''), role: toRole(user.role), sessionId, ...meta };
}

export function anonymousCaller(meta: RequestMeta): Caller {
  return { kind: 'anonymous', id: 'anonymous', name: 'anonymous', email: null, role: null, ...meta };
}
