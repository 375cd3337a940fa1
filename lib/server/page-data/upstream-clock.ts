import 'server-only';
import { upstreamNowMs as upstreamNowMsOf } from '@/lib/upstream/clock';
import { getDefaultConnection } from '../connection';

// Pages read the upstream's clock here, beside their data loaders (app/ never imports lib/upstream, which holds the key).
// The clock is the one of the connection pages are served from; none (no upstream, emulator off) means no seed.
export async function upstreamNowMs(): Promise<number | null> {
  const connection = await getDefaultConnection().catch(() => null);
  return connection ? upstreamNowMsOf(connection.id) : null;
}
