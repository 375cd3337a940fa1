'use client';

import { useSyncExternalStore } from 'react';
import { reachabilitySnapshot, subscribeReachability, type Reachability } from './reachability';

// Kept apart from reachability.ts, which apiFetch imports on the server too (React hooks are client-only).
const REACHABLE: Reachability = { reachable: true };

/** Runboard's reachability for this tab; always reachable during server rendering and hydration. */
export function useRunboardReachability(): Reachability {
  return useSyncExternalStore(subscribeReachability, reachabilitySnapshot, () => REACHABLE);
}
