/**
 * Emulator profiles. `full` is the Assistants API as OpenAI served it. `sparse` reproduces a typical third-party
 * facade (an open-source server speaking the protocol over any chat model): no runs list, no run steps and no run
 * update (its router answers those with its own 404, not the API's envelope), nanoid ids (`<prefix>_` + 21
 * characters of A-Za-z0-9_- whose first may be `_` or `-`, `file_` file ids), a cancel of a finished run accepted
 * (the run becomes `cancelled` but keeps `completed_at`), and several active runs allowed on one thread.
 */
export const EMULATOR_PROFILES = ['full', 'sparse'] as const;
export type EmulatorProfile = (typeof EMULATOR_PROFILES)[number];

export function isEmulatorProfile(value: string): value is EmulatorProfile {
  return (EMULATOR_PROFILES as readonly string[]).includes(value);
}

/** Routes (relative to /v1) the sparse facade does not implement. */
const SPARSE_MISSING: Array<{ method: string; pattern: RegExp }> = [
  { method: 'GET', pattern: /^\/threads\/[^/]+\/runs$/ },
  { method: 'GET', pattern: /^\/threads\/[^/]+\/runs\/[^/]+\/steps(\/[^/]+)?$/ },
  { method: 'POST', pattern: /^\/threads\/[^/]+\/runs\/(?!runs$)[^/]+$/ },
];

export function isMissingInProfile(profile: EmulatorProfile, method: string, path: string): boolean {
  if (profile !== 'sparse') return false;
  return SPARSE_MISSING.some((m) => m.method === method && m.pattern.test(path));
}

/** What a Fastify router answers for a route it does not have: not the Assistants error envelope. */
export function routeNotFoundBody(method: string, fullPath: string): { message: string; error: string; statusCode: number } {
  return { message: `Route ${method}:${fullPath} not found`, error: 'Not Found', statusCode: 404 };
}
