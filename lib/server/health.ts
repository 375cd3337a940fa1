import 'server-only';
import { ConfigError } from '@/lib/upstream/config';
import { errorResponse } from './api-error';
import { getDefaultConnection } from './connection';

// GET /api/health: readiness for Playwright's webServer and load balancers. Cheap: no upstream call. Ready means the
// configuration is valid and, in emulator mode, the embedded emulator is listening.

export async function handleHealthRequest(): Promise<Response> {
  try {
    const connection = await getDefaultConnection();
    return Response.json({ status: 'ok', mode: connection.mode, uptimeSeconds: Math.round(process.uptime()) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : 'unknown error';
    return errorResponse(503, `Not ready: ${message}`, { type: 'server_error', code: 'not_ready' });
  }
}
