import 'server-only';
import { CAPABILITY_IDS, type CapabilityId, type CapabilityState } from '@/lib/view/capabilities';
import type { Connection } from '@/lib/upstream/connection';

// What Runboard knows about each connection's upstream, learned from the probe and from every proxied answer.
// In memory (globalThis: route bundles share it) and keyed by connection id + base URL, so two upstreams never mix.
// A restart forgets it; the next page that needs it probes again.

export type CapabilityFact = { state: CapabilityState; detail: string | null; learnedAt: string | null; source: 'probe' | 'answer' | null };
export type ConnectionCapabilities = {
  facts: Record<CapabilityId, CapabilityFact>;
  probedAt: string | null;
  probing: Promise<void> | null;
};

const holder = globalThis as typeof globalThis & { runboardCapabilities?: Map<string, ConnectionCapabilities> };

function keyOf(connection: Connection): string {
  return `${connection.id}|${connection.baseUrl}`;
}

function blank(): ConnectionCapabilities {
  const facts = {} as Record<CapabilityId, CapabilityFact>;
  for (const id of CAPABILITY_IDS) facts[id] = { state: 'unknown', detail: null, learnedAt: null, source: null };
  return { facts, probedAt: null, probing: null };
}

export function capabilitiesOf(connection: Connection): ConnectionCapabilities {
  holder.runboardCapabilities ??= new Map();
  let entry = holder.runboardCapabilities.get(keyOf(connection));
  if (!entry) holder.runboardCapabilities.set(keyOf(connection), (entry = blank()));
  return entry;
}

export function learnCapability(connection: Connection, id: CapabilityId, state: Exclude<CapabilityState, 'unknown'>, detail: string | null, source: 'probe' | 'answer'): void {
  const fact = capabilitiesOf(connection).facts[id];
  fact.state = state;
  fact.detail = detail;
  fact.learnedAt = new Date().toISOString();
  fact.source = source;
}

export function isKnownUnsupported(connection: Connection, id: CapabilityId): boolean {
  return capabilitiesOf(connection).facts[id].state === 'unsupported';
}

/** For tests: forget everything learned. */
export function clearCapabilities(): void {
  holder.runboardCapabilities?.clear();
}
