import 'server-only';
import type { Endpoint } from '@/lib/contract';
import { ConfigError } from '@/lib/upstream/config';
import { newRequestId } from '@/lib/upstream/client';
import type { Connection } from '@/lib/upstream/connection';
import { isUpstreamError } from '@/lib/upstream/errors';
import { IdentityUnavailableError, authorize, identityUnavailableResponse, resolveCaller, type Caller } from '../access';
import { errorResponse, unexpectedErrorResponse, upstreamErrorResponse } from '../api-error';
import { AuditUnavailableError, recordMutationIntent, recordMutationOutcome } from '../audit';
import { getDefaultConnection } from '../connection';
import { getServerEnv } from '../env';
import { log } from '../log';
import { learnFromAnswer, learnStreaming, refuseKnownUnsupported } from '../capabilities/proxy-hooks';
import { observeProxiedResponse } from '../observe';
import { bufferedToResponse, forwardBuffered, invalidateThread, type CacheOutcome } from './buffered';
import { typeFromFilename } from './file-disposition';
import { fileNameHeaders } from './file-name';
import { MUTATION_ACTIONS_BY_ENDPOINT, mutationDetail, readReason } from './mutation-audit';
import { checkBody, checkCrossSite, checkQuery } from './request-guard';
import { matchProxyRoute } from './route-match';
import { forwardStream } from './stream';

// The proxy behind /api/v1/[...path]: refuse what is not allowed (no upstream call), then forward with the server's
// credentials. One log line per request; every mutation is recorded by the audit seam before it is forwarded (no
// record, no forwarding) and gets its outcome appended; successful JSON answers go to the observe seam.

type Outcome = {
  method: string;
  route: string | null;
  endpoint: string | null;
  status: number;
  started: number;
  requestId: string;
  upstreamRequestId?: string | null;
  cache?: CacheOutcome;
  attempts?: number;
  stream?: string;
  rejected?: string;
};

function logRequest(outcome: Outcome): void {
  log(outcome.status >= 500 ? 'warn' : 'info', 'proxy.request', {
    method: outcome.method,
    route: outcome.route,
    endpoint: outcome.endpoint,
    status: outcome.status,
    durationMs: Math.round(performance.now() - outcome.started),
    requestId: outcome.requestId,
    upstreamRequestId: outcome.upstreamRequestId ?? null,
    ...(outcome.cache ? { cache: outcome.cache } : {}),
    ...(outcome.attempts && outcome.attempts > 1 ? { attempts: outcome.attempts } : {}),
    ...(outcome.stream ? { stream: outcome.stream } : {}),
    ...(outcome.rejected ? { rejected: outcome.rejected } : {}),
  });
}

/** The ids of a run a create answered with, so its audit record can be found from the run page. */
function createdRunIds(body: unknown): { runId?: string; threadId?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { object, id, thread_id } = body as Record<string, unknown>;
  if (object !== 'thread.run' || typeof id !== 'string') return {};
  return { runId: id, ...(typeof thread_id === 'string' ? { threadId: thread_id } : {}) };
}

function logMutation(m: { caller: Caller; endpoint: Endpoint; params: Record<string, string>; status: number; requestId: string; upstreamRequestId: string | null; connectionId: string; auditId: string }): void {
  log('info', 'proxy.mutation', {
    caller: m.caller.id,
    callerAddress: m.caller.address,
    endpoint: m.endpoint.id,
    method: m.endpoint.method,
    route: m.endpoint.path,
    params: m.params,
    status: m.status,
    requestId: m.requestId,
    upstreamRequestId: m.upstreamRequestId,
    connection: m.connectionId,
    auditId: m.auditId,
  });
}

export async function handleProxyRequest(request: Request): Promise<Response> {
  const started = performance.now();
  const requestId = newRequestId();
  const method = request.method.toUpperCase();
  const url = new URL(request.url);
  const base = { method, started, requestId };
  // Until the path matches an endpoint, a refusal has no route to name; after that it names the route it was for.
  let matched: { route: string | null; endpoint: string | null } = { route: null, endpoint: null };
  const refuse = (status: number, message: string, code: string, param: string | null = null, headers: Record<string, string> = {}) => {
    logRequest({ ...base, ...matched, status, rejected: code });
    return errorResponse(status, message, { code, param }, { 'x-request-id': requestId, ...headers });
  };

  const match = matchProxyRoute(method, url.pathname);
  if (!match.ok) return refuse(match.status, match.message, match.code, match.param ?? null, match.allow ? { allow: match.allow.join(', ') } : {});
  const { endpoint, params, apiPath } = match;
  matched = { route: endpoint.path, endpoint: endpoint.id };
  const routeBase = { ...base, ...matched };

  let env;
  try {
    env = getServerEnv();
  } catch (error) {
    if (!(error instanceof ConfigError)) return unexpectedErrorResponse(error, { requestId }, { 'x-request-id': requestId });
    logRequest({ ...routeBase, status: 503, rejected: 'bad_config' });
    return errorResponse(503, error.message, { type: 'server_error', code: 'bad_config' }, { 'x-request-id': requestId });
  }
  let caller: Caller;
  try {
    caller = await resolveCaller(request);
  } catch (error) {
    if (!(error instanceof IdentityUnavailableError)) throw error;
    logRequest({ ...routeBase, status: 503, rejected: 'auth_unavailable' });
    return identityUnavailableResponse(error, { 'x-request-id': requestId });
  }
  const decision = authorize(caller, endpoint);
  if (!decision.allowed) return refuse(decision.status, decision.message, decision.code, null, decision.status === 401 ? { 'www-authenticate': 'Bearer' } : {});
  const crossSite = checkCrossSite(request, endpoint);
  if (crossSite) return refuse(crossSite.status, crossSite.message, crossSite.code);
  const query = checkQuery(endpoint, url.searchParams);
  if (!query.ok) return refuse(query.status, query.message, query.code, query.param ?? null);
  const body = method === 'POST' ? await checkBody(request, endpoint, env.RUNBOARD_PROXY_MAX_BODY_BYTES) : { ok: true as const, body: undefined, stream: false };
  if (!body.ok) return refuse(body.status, body.message, body.code, body.param ?? null);
  const reason = endpoint.mutation ? readReason(request.headers) : { ok: true as const, reason: null };
  if (!reason.ok) return refuse(400, reason.message, 'invalid_reason', 'X-Runboard-Reason');

  let connection: Connection;
  try {
    connection = await getDefaultConnection();
  } catch (error) {
    logRequest({ ...routeBase, status: 503, rejected: 'no_connection' });
    log('error', 'proxy.no_connection', { error });
    return errorResponse(503, `Runboard has no usable upstream: ${error instanceof Error ? error.message : 'unknown error'}`, { type: 'server_error', code: 'no_upstream' }, { 'x-request-id': requestId });
  }

  let intent: { id: string } | null = null;
  if (endpoint.mutation) {
    const action = MUTATION_ACTIONS_BY_ENDPOINT[endpoint.id];
    if (!action) return unexpectedErrorResponse(new Error(`no audit action for ${endpoint.id}`), { requestId }, { 'x-request-id': requestId });
    try {
      intent = await recordMutationIntent({
        caller,
        action,
        connectionId: connection.id,
        threadId: params.thread_id,
        runId: params.run_id,
        reason: reason.reason,
        detail: mutationDetail(endpoint.id, 'parsed' in body ? body.parsed : undefined),
        requestId,
      });
    } catch (error) {
      if (!(error instanceof AuditUnavailableError)) return unexpectedErrorResponse(error, { requestId }, { 'x-request-id': requestId });
      logRequest({ ...routeBase, status: 503, rejected: 'audit_unavailable' });
      return errorResponse(503, error.message, { type: 'server_error', code: 'audit_unavailable' }, { 'x-request-id': requestId });
    }
  }
  const audit = async (status: number, upstreamRequestId: string | null, created?: unknown) => {
    if (!endpoint.mutation || !intent) return;
    if (params.thread_id) invalidateThread(connection, params.thread_id);
    const run = createdRunIds(created);
    await recordMutationOutcome(intent.id, { status, upstreamRequestId, ...run });
    logMutation({ caller, endpoint, params, status, requestId, upstreamRequestId, connectionId: connection.id, auditId: intent.id });
  };
  const upstreamRequest = {
    method: endpoint.method,
    path: apiPath,
    query: query.forward,
    body: body.body,
    requestId,
    accept: endpoint.response === null ? '*/*' : 'application/json',
    ...(endpoint.id === 'getFileContent' ? { maxResponseBytes: env.RUNBOARD_FILE_MAX_BYTES } : {}),
  };

  const knownMissing = refuseKnownUnsupported(connection, endpoint, { 'x-request-id': requestId });
  if (knownMissing) {
    logRequest({ ...routeBase, status: 404, rejected: 'endpoint_not_supported' });
    return knownMissing;
  }

  try {
    if (body.stream) return await proxyStream(request, connection, endpoint, upstreamRequest, routeBase, audit);
    const { answer, cache } = await forwardBuffered(connection, endpoint, upstreamRequest, env.RUNBOARD_POLL_CACHE_MS);
    const answerHeaders = { 'x-request-id': answer.upstreamRequestId ?? requestId, 'x-runboard-cache': cache };
    const response =
      learnFromAnswer(connection, endpoint, answer.status, answer.json.ok ? answer.json.value : answer.json.text, answerHeaders) ??
      bufferedToResponse(connection, endpoint, answer, answerHeaders, await downloadName(connection, endpoint.id, params, answer.status, requestId));
    await audit(response.status, answer.upstreamRequestId, answer.json.ok ? answer.json.value : undefined);
    logRequest({ ...routeBase, status: response.status, upstreamRequestId: answer.upstreamRequestId, cache, attempts: answer.attempts });
    // 404s are observed too, so a thread the upstream no longer knows leaves the recent list.
    if ((response.ok || response.status === 404) && endpoint.response !== null && answer.json.ok) {
      observeProxiedResponse({ connectionId: connection.id, endpointId: endpoint.id, params, status: response.status, body: answer.json.value });
    }
    return response;
  } catch (error) {
    const response = isUpstreamError(error)
      ? upstreamErrorResponse(error, { 'x-request-id': requestId })
      : unexpectedErrorResponse(error, { requestId, endpoint: endpoint.id }, { 'x-request-id': requestId });
    await audit(response.status, null);
    logRequest({ ...routeBase, status: response.status, attempts: isUpstreamError(error) ? error.attempts : undefined });
    return response;
  }
}

async function proxyStream(
  request: Request,
  connection: Connection,
  endpoint: Endpoint,
  upstreamRequest: Parameters<typeof forwardStream>[2],
  routeBase: Omit<Outcome, 'status'>,
  audit: (status: number, upstreamRequestId: string | null) => Promise<void>,
): Promise<Response> {
  let status = 200;
  let upstreamRequestId: string | null = null;
  const result = await forwardStream(
    connection,
    endpoint,
    { ...upstreamRequest, accept: 'text/event-stream', signal: request.signal },
    { 'x-runboard-cache': 'bypass' },
    (outcome) => logRequest({ ...routeBase, status, upstreamRequestId, stream: outcome }),
  );
  status = result.status;
  upstreamRequestId = result.upstreamRequestId;
  learnStreaming(connection, result.streamed);
  if (!result.streamed) logRequest({ ...routeBase, status: result.response.status, upstreamRequestId, stream: 'refused' });
  if (!result.response.headers.has('x-request-id')) result.response.headers.set('x-request-id', routeBase.requestId);
  await audit(result.response.status, result.upstreamRequestId);
  return result.response;
}

/** A file's content is downloaded under the file's own name (not "content"), with a type from it when needed. */
async function downloadName(connection: Connection, endpointId: string, params: Record<string, string | undefined>, status: number, requestId: string) {
  if (endpointId !== 'getFileContent' || status < 200 || status >= 300 || !params.file_id) return undefined;
  const { filename, disposition } = await fileNameHeaders(connection, params.file_id, requestId);
  return { disposition, typeFromName: typeFromFilename(filename) };
}
