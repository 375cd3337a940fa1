import 'server-only';

// Scrubs secrets out of anything about to be logged or shown. Two layers: keys whose name says "secret" lose their
// value whatever it is, and every string is searched for known secret values (the configured upstream key, the
// embedded emulator key) and for token shapes (Bearer …, sk-…). Registry lives on globalThis because Next loads
// instrumentation and route bundles as separate module instances.

export const REDACTED = '[redacted]';

const SECRET_KEY_NAMES =
  /^(authorization|proxy-authorization|cookie|set-cookie|api[-_]?key|x-api-key|apikey|password|passwd|client[-_]?secret)$|secret|(^|[-_])token$|(^|[-_])key$/i;

const TOKEN_SHAPES: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, `$1 ${REDACTED}`],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, `sk-${REDACTED}`],
  [/\bapi-key[=:]\s*[^\s&"',;]+/gi, `api-key=${REDACTED}`],
  // Credentials inside a URL (DATABASE_URL=postgres://user:password@host/db in an error message).
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]+):[^\s@/]+@/gi, `$1:${REDACTED}@`],
];

type SecretRegistry = { values: Set<string> };
const globalRegistry = globalThis as typeof globalThis & { runboardSecrets?: SecretRegistry };

function registry(): SecretRegistry {
  globalRegistry.runboardSecrets ??= { values: new Set() };
  return globalRegistry.runboardSecrets;
}

/** Remember a value that must never be logged; short values are ignored (they would redact ordinary words). */
export function registerSecret(value: string | null | undefined): void {
  if (value && value.length >= 6) registry().values.add(value);
}

export function knownSecrets(): string[] {
  return [...registry().values];
}

export function redactString(text: string, secrets: readonly string[] = knownSecrets()): string {
  let out = text;
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of TOKEN_SHAPES) out = out.replace(pattern, replacement);
  return out;
}

export function isSecretKeyName(name: string): boolean {
  return SECRET_KEY_NAMES.test(name);
}

/** Deep copy with secrets removed. Errors become {name, message, code}; cycles and depth are bounded. */
export function redact(value: unknown, secrets: readonly string[] = knownSecrets(), depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[truncated]';
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      message: redactString(value.message, secrets),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (value instanceof Headers) {
    return redact(Object.fromEntries(value.entries()), secrets, depth + 1, seen);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSecretKeyName(key) && item !== null && item !== undefined && item !== '' ? REDACTED : redact(item, secrets, depth + 1, seen);
  }
  return out;
}
