import 'server-only';

// The single place that decides who is calling and what they may do on each proxied request.
// Today Runboard has no sign-in: every caller is anonymous and may use every allow-listed endpoint. Sign-in and roles
// (a later issue) plug in here: resolveCaller reads the session, authorize checks the role against the endpoint.

export type Caller = {
  kind: 'anonymous';
  /** Stable id for logs and the audit trail; "anonymous" until sign-in exists. */
  id: string;
  /** Client address as reported by the socket/proxy chain, for the audit line only. */
  address: string | null;
};

export type EndpointRef = { id: string; method: string; mutation: boolean };

export type AccessDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string };

export function resolveCaller(request: Request): Caller {
  const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  return { kind: 'anonymous', id: 'anonymous', address: forwarded };
}

export function authorize(_caller: Caller, _endpoint: EndpointRef): AccessDecision {
  return { allowed: true };
}
