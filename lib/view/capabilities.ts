// What an upstream can do, in the words the connection banner and the pages use. Shared by the server (which
// probes and learns) and the browser (which reads /api/connection/capabilities).

export const CAPABILITY_IDS = ['listRuns', 'listSteps', 'modifyRun', 'streaming', 'listThreads'] as const;
export type CapabilityId = (typeof CAPABILITY_IDS)[number];
export type CapabilityState = 'supported' | 'unsupported' | 'unknown';

export const CAPABILITY_LABELS: Record<CapabilityId, string> = {
  listRuns: 'runs list',
  listSteps: 'run steps',
  modifyRun: 'run update (metadata)',
  streaming: 'streaming',
  listThreads: 'threads list',
};

/** "<server> cannot list runs": what a missing capability means, in words. */
export const CAPABILITY_CANNOT: Record<CapabilityId, string> = {
  listRuns: 'cannot list runs',
  listSteps: 'does not provide run steps',
  modifyRun: 'cannot update runs',
  streaming: 'cannot stream runs',
  listThreads: 'cannot list threads',
};

/** The proxied endpoints each capability stands for (ids of lib/contract/endpoints.ts). */
export const CAPABILITY_ENDPOINTS: Record<CapabilityId, readonly string[]> = {
  listRuns: ['listRuns'],
  listSteps: ['listRunSteps', 'getRunStep'],
  modifyRun: ['modifyRun'],
  streaming: [],
  listThreads: [],
};

export function capabilityOfEndpoint(endpointId: string): CapabilityId | null {
  for (const id of CAPABILITY_IDS) if (CAPABILITY_ENDPOINTS[id].includes(endpointId)) return id;
  return null;
}

/** "runs list: not supported by this server" */
export function describeCapability(id: CapabilityId, state: CapabilityState): string {
  const label = CAPABILITY_LABELS[id];
  if (state === 'supported') return `${label}: supported`;
  if (state === 'unsupported') return `${label}: not supported by this server`;
  return id === 'streaming' ? `${label}: not seen yet (learned when a run is streamed)` : `${label}: not checked yet`;
}

export type IdStyle = 'openai' | 'nanoid' | 'uuid' | 'other';

/** How an id looks: OpenAI's `run_` + 24 base62, a facade's nanoid (`run_` + 21 of A-Za-z0-9_-), a UUID, or else. */
export function idStyleOf(id: string): IdStyle {
  if (/^[a-z]+_[A-Za-z0-9]{24}$/.test(id) || /^file-[A-Za-z0-9]{22,24}$/.test(id)) return 'openai';
  if (/^([a-z]+_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return 'uuid';
  if (/^[a-z]+_[A-Za-z0-9_-]{21}$/.test(id)) return 'nanoid';
  return 'other';
}

export const ID_STYLE_LABELS: Record<IdStyle, string> = {
  openai: "OpenAI's (prefix + 24 letters and digits)",
  nanoid: 'nanoid (prefix + 21 characters, may start with _ or -)',
  uuid: 'UUID',
  other: 'other',
};
