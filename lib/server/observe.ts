import 'server-only';
import { getStore } from '@/lib/store/db';
import { recordProxiedAnswer } from '@/lib/store/record-proxied';
import { log } from './log';

// Seam called after every successful JSON answer the proxy passes back. It remembers threads and runs seen through
// Runboard (the API cannot list threads nor find a run without its thread), feeding the home page's recent threads
// and the run-id lookup. Must never break the proxied answer: failures are logged and swallowed.

export type ProxiedResponseContext = {
  connectionId: string;
  endpointId: string;
  params: Record<string, string>;
  status: number;
  body: unknown;
};

/** Records in the background; the returned promise (for tests) settles when the sighting is stored or dropped. */
export function observeProxiedResponse(ctx: ProxiedResponseContext): Promise<void> {
  return getStore()
    .then((store) => recordProxiedAnswer(store.db, ctx))
    .catch((error: unknown) => log('warn', 'store.record_failed', { endpointId: ctx.endpointId, error }));
}
