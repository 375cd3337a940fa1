import 'server-only';
import { getStore } from '@/lib/store/db';
import { latestRunSeen, listRecentThreads } from '@/lib/store/threads-seen';
import { upstreamFetch } from '@/lib/upstream/client';
import type { Connection } from '@/lib/upstream/connection';
import { tryParseJson } from '@/lib/upstream/json';
import type { CapabilityId } from '@/lib/view/capabilities';
import { log } from '../log';
import { isMissingEndpoint, isMissingObject, missingEndpointDetail } from './missing-endpoint';
import { capabilitiesOf, learnCapability } from './registry';

// The capability probe: a handful of harmless requests (reads, and a modify of a run that does not exist), each
// asked once per probe. Where Runboard has seen a thread or run it asks about that one, so a 404 can only mean the
// endpoint is missing; otherwise it asks about ids that cannot exist and reads the 404's wording (a missing object
// says "No run found with id …", a missing route is the router's own 404).

const PROBE_THREAD = 'thread_runboardcapabilityprobe';
const PROBE_RUN = 'run_runboardcapabilityprobe';

type Answer = { status: number; body: unknown } | { status: 0; body: null; error: string };

async function ask(connection: Connection, method: 'GET' | 'POST', path: string, query?: Array<[string, string]>): Promise<Answer> {
  try {
    const answer = await upstreamFetch(
      connection,
      { method, path, ...(query ? { query } : {}), ...(method === 'POST' ? { body: '{}', contentType: 'application/json' } : {}) },
      { maxRetries: 0 },
    );
    const json = tryParseJson(answer.body);
    return { status: answer.status, body: json.ok ? json.value : json.text };
  } catch (error) {
    return { status: 0, body: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Reads one probe answer. `objectKnown`: the path names objects Runboard has seen, so any 404 means the endpoint is
 * missing. A missing object on made-up ids means the endpoint exists (it looked the object up).
 */
function learn(connection: Connection, id: CapabilityId, answer: Answer, objectKnown: boolean): void {
  if (answer.status === 0) return; // unreachable: nothing learned, the connection banner says why
  if (answer.status >= 200 && answer.status < 300) return learnCapability(connection, id, 'supported', null, 'probe');
  if (id === 'listThreads' && answer.status >= 400 && answer.status < 500) {
    // No object in the path: whatever refuses the list means there is none for Runboard to use.
    const why = answer.status === 401 || answer.status === 403 ? 'not allowed for this key' : missingEndpointDetail(answer.body);
    return learnCapability(connection, id, 'unsupported', `HTTP ${answer.status}${why ? `: ${why}` : ''}`, 'probe');
  }
  if (objectKnown && isMissingObject(answer.status, answer.body)) return; // the thread or run is gone: nothing learned
  if (isMissingEndpoint(answer.status, answer.body) || (objectKnown && answer.status === 404)) {
    return learnCapability(connection, id, 'unsupported', `HTTP ${answer.status}${missingEndpointDetail(answer.body) ? `: ${missingEndpointDetail(answer.body)}` : ''}`, 'probe');
  }
  if (answer.status === 404 || answer.status === 400) return learnCapability(connection, id, 'supported', null, 'probe');
}

async function runProbe(connection: Connection): Promise<void> {
  const { db } = await getStore();
  const run = await latestRunSeen(db, connection.id);
  const thread = run?.threadId ?? (await listRecentThreads(db, connection.id, 1))[0]?.threadId ?? null;
  const t = encodeURIComponent(thread ?? PROBE_THREAD);
  const r = encodeURIComponent(run?.runId ?? PROBE_RUN);
  const [runs, steps, modify, threads] = await Promise.all([
    ask(connection, 'GET', `/threads/${t}/runs`, [['limit', '1']]),
    ask(connection, 'GET', `/threads/${t}/runs/${r}/steps`, [['limit', '1']]),
    // A run that cannot exist on a real thread: a server with the endpoint says "No run found"; nothing changes.
    ask(connection, 'POST', `/threads/${t}/runs/${PROBE_RUN}`),
    ask(connection, 'GET', '/threads', [['limit', '1']]),
  ]);
  learn(connection, 'listRuns', runs, thread !== null);
  learn(connection, 'listSteps', steps, run !== null);
  learn(connection, 'modifyRun', modify, false);
  learn(connection, 'listThreads', threads, false);
  // The thread or run Runboard remembered is gone: ask about ids that cannot exist instead.
  const facts = capabilitiesOf(connection).facts;
  if (thread !== null && facts.listRuns.state === 'unknown') learn(connection, 'listRuns', await ask(connection, 'GET', `/threads/${PROBE_THREAD}/runs`, [['limit', '1']]), false);
  if (run !== null && facts.listSteps.state === 'unknown') learn(connection, 'listSteps', await ask(connection, 'GET', `/threads/${PROBE_THREAD}/runs/${PROBE_RUN}/steps`, [['limit', '1']]), false);
  if (thread !== null && facts.modifyRun.state === 'unknown') learn(connection, 'modifyRun', await ask(connection, 'POST', `/threads/${PROBE_THREAD}/runs/${PROBE_RUN}`), false);
  log('info', 'capabilities.probed', {
    connectionId: connection.id,
    answers: { listRuns: runs.status, listSteps: steps.status, modifyRun: modify.status, listThreads: threads.status },
  });
}

/** Probes once per connection (concurrent callers share it); `force` probes again (the banner's "Check again"). */
export async function ensureProbed(connection: Connection, force = false): Promise<void> {
  const entry = capabilitiesOf(connection);
  if (entry.probing) return entry.probing;
  if (entry.probedAt && !force) return;
  entry.probing = runProbe(connection)
    .then(() => {
      entry.probedAt = new Date().toISOString();
    })
    .finally(() => {
      entry.probing = null;
    });
  return entry.probing;
}
