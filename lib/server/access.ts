import 'server-only';

// The single place that decides who is calling and what they may do on each proxied request.
// Today Runboard has no sign-in: every caller is anonymous and may use every allow-listed endpoint. Sign-in and roles
// plug in here: resolveCaller reads the session or token, authorize checks the role against the endpoint.
// Code written before sign-in lands treats `role: null` (anonymous) as "no sign-in exists yet", i.e. full access.

export type Role = 'viewer' | 'operator' | 'admin';
type Base = { address: string | null; userAgent: string | null };
export type Caller =
  | (Base & { kind: 'anonymous'; id: 'anonymous'; name: 'anonymous'; email: null; role: null })
  | (Base & { kind: 'user'; id: string; name: string; email: string; role: Role; sessionId: string })
  | (Base & { kind: 'token'; id: string; name: string; email: string; role: Role; tokenId: string; tokenName: string });

export type EndpointRef = { id: string; method: string; mutation: boolean };

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

export async function resolveCaller(request: Request): Promise<Caller> {
  const address = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  const userAgent = request.headers.get('user-agent')?.slice(0, 300) || null;
  return { kind: 'anonymous', id: 'anonymous', name: 'anonymous', email: null, role: null, address, userAgent };
}

export function authorize(_caller: Caller, _endpoint: EndpointRef): AccessDecision {
  return { allowed: true };
}
