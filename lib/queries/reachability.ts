/**
 * Whether Runboard's own server answers, as this browser tab last found out. Every browser request goes through
 * apiFetch, which reports here: a request that got no answer at all marks Runboard unreachable (since when), any
 * answer — even an error envelope — marks it reachable again. The header, banners and "live" labels read it so
 * nothing keeps looking current while the server is down. While down, one light request every few seconds finds
 * out when it is back.
 */
export type Reachability = { reachable: true } | { reachable: false; sinceMs: number; lastAnswerMs: number | null };

let state: Reachability = { reachable: true };
let lastAnswerMs: number | null = null;
const listeners = new Set<() => void>();
let probe: ReturnType<typeof setInterval> | undefined;
const PROBE_MS = 5_000;

function emit() {
  for (const l of listeners) l();
}

export function reportAnswer(): void {
  lastAnswerMs = Date.now();
  if (state.reachable) return;
  state = { reachable: true };
  stopProbe();
  emit();
}

export function reportNoAnswer(): void {
  if (!state.reachable) return;
  state = { reachable: false, sinceMs: Date.now(), lastAnswerMs };
  startProbe();
  emit();
}

function startProbe() {
  if (probe || typeof window === 'undefined') return;
  probe = setInterval(() => {
    fetch('/api/health', { cache: 'no-store' }).then(reportAnswer, () => undefined);
  }, PROBE_MS);
}

function stopProbe() {
  if (probe) clearInterval(probe);
  probe = undefined;
}

export function subscribeReachability(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reachabilitySnapshot(): Reachability {
  return state;
}
