import 'server-only';
import type { Endpoint } from '@/lib/contract';
import { connectionHost, type Connection } from '@/lib/upstream/connection';
import { CAPABILITY_CANNOT, capabilityOfEndpoint } from '@/lib/view/capabilities';
import { errorResponse } from '../api-error';
import { isMissingEndpoint, missingEndpointDetail } from './missing-endpoint';
import { isKnownUnsupported, learnCapability } from './registry';

// The proxy's side of capabilities: every answer teaches whether an endpoint exists, and an endpoint known to be
// missing is answered here (no upstream call, no polling of a 404 that cannot change) with a code pages branch on.

export const ENDPOINT_NOT_SUPPORTED = 'endpoint_not_supported';

function notSupported(connection: Connection, endpoint: Endpoint, detail: string | null, headers: Record<string, string>): Response {
  const capability = capabilityOfEndpoint(endpoint.id);
  const what = capability ? CAPABILITY_CANNOT[capability] : 'does not implement this endpoint';
  return errorResponse(
    404,
    `${connectionHost(connection)} ${what}: it has no ${endpoint.method} ${endpoint.path} endpoint${detail ? ` (it answered ${detail})` : ''}.`,
    { code: ENDPOINT_NOT_SUPPORTED, type: 'invalid_request_error' },
    { 'x-runboard-unsupported': capability ?? endpoint.id, ...headers },
  );
}

/** The answer for an endpoint this connection is known to lack, or null to forward as usual. */
export function refuseKnownUnsupported(connection: Connection, endpoint: Endpoint, headers: Record<string, string>): Response | null {
  const capability = capabilityOfEndpoint(endpoint.id);
  if (!capability || !isKnownUnsupported(connection, capability)) return null;
  return notSupported(connection, endpoint, null, headers);
}

/**
 * Learns from an upstream answer. Returns the response to send instead when the answer says the endpoint is
 * missing (so the browser gets `endpoint_not_supported`, never a "not found" that reads like a missing object).
 */
export function learnFromAnswer(connection: Connection, endpoint: Endpoint, status: number, body: unknown, headers: Record<string, string>): Response | null {
  const capability = capabilityOfEndpoint(endpoint.id);
  if (!capability) return null;
  if (status >= 200 && status < 300) {
    learnCapability(connection, capability, 'supported', null, 'answer');
    return null;
  }
  if (!isMissingEndpoint(status, body)) return null;
  const detail = `HTTP ${status}${missingEndpointDetail(body) ? `: ${missingEndpointDetail(body)}` : ''}`;
  learnCapability(connection, capability, 'unsupported', detail, 'answer');
  return notSupported(connection, endpoint, detail, headers);
}

export function learnStreaming(connection: Connection, streamed: boolean): void {
  if (streamed) learnCapability(connection, 'streaming', 'supported', null, 'answer');
}
