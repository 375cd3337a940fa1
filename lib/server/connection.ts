import 'server-only';
import { connectionFromEnv, createConnection, type Connection } from '@/lib/upstream/connection';
import { ensureEmbeddedEmulator } from './embedded-emulator';
import { getServerEnv } from './env';
import { registerSecret } from './redact';

// The one way server code obtains the upstream connection. Today: the OPENAI_* connection when OPENAI_BASE_URL is
// set, else the embedded emulator. Later a caller-chosen named connection can be resolved here.

export async function getDefaultConnection(): Promise<Connection> {
  const env = getServerEnv();
  const configured = connectionFromEnv(env.upstream);
  if (configured) {
    registerSecret(configured.apiKey);
    return configured;
  }
  const emulator = await ensureEmbeddedEmulator();
  if (!emulator) throw new Error('No upstream configured and the embedded emulator is disabled');
  return createConnection({
    id: env.upstream.RUNBOARD_CONNECTION_ID ?? 'default',
    name: env.upstream.RUNBOARD_CONNECTION_NAME ?? 'Embedded emulator',
    mode: 'emulator',
    baseUrl: emulator.url,
    apiKey: emulator.apiKey,
    authStyle: 'bearer',
    apiVersion: null,
    organization: null,
    project: null,
    timeoutMs: env.upstream.RUNBOARD_UPSTREAM_TIMEOUT_MS,
    maxRetries: env.upstream.RUNBOARD_UPSTREAM_RETRIES,
  });
}
