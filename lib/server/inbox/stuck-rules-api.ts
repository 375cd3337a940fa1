import 'server-only';
import { eventBus } from '@/lib/watch/events';
import { parseStuckRules } from '@/lib/watch/stuck-rules';
import type { Caller } from '../access';
import { errorResponse, NO_STORE } from '../api-error';
import { recordSecurityEvent } from '../audit';
import { loadStuckRules, saveStuckRules } from './rules';
import { failure, readJsonBody, routeContext } from './shared';

// GET (viewers) / PUT (admins) /api/admin/stuck-rules: every field, integers within bounds; audited setting.changed.

export async function handleGetStuckRules(): Promise<Response> {
  try {
    const { db } = await routeContext();
    return Response.json(await loadStuckRules(db), { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'stuck-rules');
  }
}

export async function handlePutStuckRules(request: Request, caller: Caller): Promise<Response> {
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseStuckRules(body.value);
  if (!parsed.ok) return errorResponse(400, parsed.message, { param: parsed.param || null });
  try {
    const { db } = await routeContext();
    const before = await loadStuckRules(db);
    const changed = Object.fromEntries(Object.entries(parsed.rules).filter(([k, v]) => before[k as keyof typeof before] !== v));
    await recordSecurityEvent({ action: 'setting.changed', actor: caller, outcome: 'success', detail: { setting: 'stuck_rules', changed } });
    await saveStuckRules(db, parsed.rules, caller.id);
    eventBus().inboxChanged([]);
    return Response.json(parsed.rules, { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return failure(error, 'stuck-rules');
  }
}
