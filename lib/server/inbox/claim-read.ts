import 'server-only';
import { claimsOnThread, getClaim } from '@/lib/store/inbox';
import { NO_STORE } from '../api-error';
import { claimDto } from './compute';
import { badId, failure, routeContext } from './shared';

// GET /api/runs/{run_id}/claim and GET /api/threads/{thread_id}/claims (viewers and up): who is on a run, for the
// run and thread pages, without reading the whole inbox. A lapsed claim answers as none.

export async function handleGetClaim(runId: string): Promise<Response> {
  const invalid = badId('run_id', runId);
  if (invalid) return invalid;
  try {
    const { connection, db } = await routeContext();
    const claim = await getClaim(db, connection.id, runId);
    return Response.json({ claim: claim ? claimDto(claim) : null }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'claim-read');
  }
}

export async function handleThreadClaims(threadId: string): Promise<Response> {
  const invalid = badId('thread_id', threadId);
  if (invalid) return invalid;
  try {
    const { connection, db } = await routeContext();
    const claims = await claimsOnThread(db, connection.id, threadId);
    return Response.json({ object: 'list', data: claims.map(claimDto) }, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'thread-claims');
  }
}
