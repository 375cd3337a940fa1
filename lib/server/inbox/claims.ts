import 'server-only';
import { claimRun, getClaim, releaseClaim } from '@/lib/store/inbox';
import { countWatchers, isWatching, setWatch } from '@/lib/store/index-threads';
import { eventBus } from '@/lib/watch/events';
import type { Caller } from '../access';
import { errorResponse, NO_STORE } from '../api-error';
import { recordSecurityEvent } from '../audit';
import { claimDto } from './compute';
import { loadStuckRules } from './rules';
import { badId, failure, readJsonBody, routeContext } from './shared';

// "I'm on it": PUT/DELETE /api/runs/{run_id}/claim, and watching a thread: PUT/DELETE /api/threads/{id}/watch.
// One owner per run; a claim lapses after claim_ttl_seconds. Recorded in the audit log before it takes effect.

export async function handleClaim(request: Request, caller: Caller, runId: string): Promise<Response> {
  const invalid = badId('run_id', runId);
  if (invalid) return invalid;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const threadId = (body.value as { thread_id?: unknown } | undefined)?.thread_id;
  const invalidThread = badId('thread_id', threadId);
  if (invalidThread) return invalidThread;
  try {
    const { connection, db } = await routeContext();
    const current = await getClaim(db, connection.id, runId);
    if (current && current.userId !== caller.id) {
      return Response.json(
        { error: { message: `${current.userName} already claimed this run.`, type: 'invalid_request_error', param: null, code: 'already_claimed', claim: claimDto(current) } },
        { status: 409, headers: { 'cache-control': NO_STORE } },
      );
    }
    const rules = await loadStuckRules(db);
    await recordSecurityEvent({ action: 'run.claimed', actor: caller, outcome: 'success', connectionId: connection.id, threadId: threadId as string, runId });
    const result = await claimRun(db, { connectionId: connection.id, runId, threadId: threadId as string, userId: caller.id, userName: caller.name, ttlMs: rules.claim_ttl_seconds * 1000 });
    if (!result.claimed) {
      return Response.json(
        { error: { message: `${result.claim.userName} already claimed this run.`, type: 'invalid_request_error', param: null, code: 'already_claimed', claim: claimDto(result.claim) } },
        { status: 409, headers: { 'cache-control': NO_STORE } },
      );
    }
    eventBus().inboxChanged([{ run_id: runId, thread_id: threadId as string }]);
    return Response.json({ claim: claimDto(result.claim) }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'claim');
  }
}

export async function handleRelease(_request: Request, caller: Caller, runId: string): Promise<Response> {
  const invalid = badId('run_id', runId);
  if (invalid) return invalid;
  try {
    const { connection, db } = await routeContext();
    const current = await getClaim(db, connection.id, runId);
    if (!current) return Response.json({ claim: null }, { headers: { 'cache-control': NO_STORE } });
    if (current.userId !== caller.id && caller.role !== 'admin') {
      return errorResponse(403, `${current.userName} holds this claim; only they or an admin can release it.`, { code: 'forbidden' });
    }
    await recordSecurityEvent({ action: 'run.released', actor: caller, outcome: 'success', connectionId: connection.id, threadId: current.threadId, runId, detail: current.userId !== caller.id ? { held_by: current.userName } : undefined });
    await releaseClaim(db, connection.id, runId);
    eventBus().inboxChanged([{ run_id: runId, thread_id: current.threadId }]);
    return Response.json({ claim: null }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'release');
  }
}

export async function handleWatch(request: Request, caller: Caller, threadId: string): Promise<Response> {
  const invalid = badId('thread_id', threadId);
  if (invalid) return invalid;
  const watching = request.method === 'PUT';
  try {
    const { connection, db } = await routeContext();
    if ((await isWatching(db, connection.id, threadId, caller.id)) === watching) {
      return Response.json({ thread_id: threadId, watching, watchers: await countWatchers(db, connection.id, threadId) }, { headers: { 'cache-control': NO_STORE } });
    }
    await recordSecurityEvent({ action: watching ? 'thread.watched' : 'thread.unwatched', actor: caller, outcome: 'success', connectionId: connection.id, threadId });
    const watchers = await setWatch(db, connection.id, threadId, caller.id, watching);
    return Response.json({ thread_id: threadId, watching, watchers }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'watch');
  }
}
