import 'server-only';
import { getStore } from '@/lib/store/db';
import { sampleIdsSeen } from '@/lib/store/threads-seen';
import { connectionHost, type Connection } from '@/lib/upstream/connection';
import { CAPABILITY_IDS, idStyleOf, type IdStyle } from '@/lib/view/capabilities';
import { errorResponse, NO_STORE, unexpectedErrorResponse } from '../api-error';
import { getDefaultConnection } from '../connection';
import { flushObservedAnswers } from '../observe';
import { seedFromEmulator } from '../recent-threads';
import { ensureProbed } from './probe';
import { capabilitiesOf } from './registry';

// GET /api/connection/capabilities — what the upstream can do (probed once, then learned from every answer), and
// the id styles seen. POST re-probes (the connection banner's "Check again").

async function idStyles(connection: Connection) {
  const seen = new Map<IdStyle, { count: number; example: string }>();
  for (const id of await sampleIdsSeen((await getStore()).db, connection.id)) {
    const style = idStyleOf(id);
    const entry = seen.get(style);
    if (entry) entry.count += 1;
    else seen.set(style, { count: 1, example: id });
  }
  return [...seen].sort((a, b) => b[1].count - a[1].count).map(([style, { count, example }]) => ({ style, count, example }));
}

export async function capabilitiesBody(connection: Connection) {
  const entry = capabilitiesOf(connection);
  const capabilities = Object.fromEntries(
    CAPABILITY_IDS.map((id) => {
      const fact = entry.facts[id];
      return [id, { state: fact.state, detail: fact.detail, learned_at: fact.learnedAt, source: fact.source }];
    }),
  );
  return {
    connection: { id: connection.id, name: connection.name, host: connectionHost(connection) },
    probed_at: entry.probedAt,
    capabilities,
    id_styles: await idStyles(connection),
  };
}

async function answer(force: boolean): Promise<Response> {
  try {
    const connection = await getDefaultConnection();
    // The emulator's demo threads give the probe known objects to ask about.
    if (connection.mode === 'emulator') await seedFromEmulator(connection);
    // The probe and the id styles read the threads and runs seen: every answer already passed on counts.
    await flushObservedAnswers();
    await ensureProbed(connection, force);
    return Response.json(await capabilitiesBody(connection), { headers: { 'cache-control': NO_STORE } });
  } catch (error) {
    return unexpectedErrorResponse(error, { route: 'capabilities' });
  }
}

export function handleCapabilitiesGet(): Promise<Response> {
  return answer(false);
}

export async function handleCapabilitiesProbe(request: Request): Promise<Response> {
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return errorResponse(403, 'Cross-site requests cannot re-check the connection.', { code: 'cross_site' });
  }
  return answer(true);
}
