import 'server-only';
import { z } from 'zod';

// Upstream connection settings from the environment, with the names the OpenAI ecosystem already uses.
// Empty strings count as unset (a blank line in .env must not turn into a bad URL). Every failure message names
// the variable and says what is expected; secret values are never echoed back.

// Every settings parser (this one, lib/server/env.ts, lib/auth/env.ts, lib/auth/oidc-config.ts) reports through
// describeEnvIssues, so a secret is never echoed whichever parser finds it wrong.
const SECRET_VARS = new Set(['OPENAI_API_KEY', 'EMULATOR_API_KEY', 'DATABASE_URL', 'RUNBOARD_SECRET', 'RUNBOARD_ADMIN_PASSWORD', 'RUNBOARD_OIDC_CLIENT_SECRET']);

/** Blank (empty or spaces only) → undefined; any other string is trimmed. The first step of every env variable. */
export const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value;

const optionalText = (maxLength: number) =>
  z.preprocess(blankToUndefined, z.string().max(maxLength, `must be at most ${maxLength} characters`).optional());

const headerSafe = (maxLength: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(maxLength, `must be at most ${maxLength} characters`)
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it is sent in an HTTP header)')
      .optional(),
  );

const baseUrl = z.preprocess(
  blankToUndefined,
  z
    .string()
    .superRefine((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an absolute http(s) URL such as https://example.com/v1' });
        return;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        ctx.addIssue({ code: 'custom', message: `must use http or https, not ${url.protocol.replace(':', '')}` });
      }
      if (url.username || url.password) {
        ctx.addIssue({ code: 'custom', message: 'must not contain credentials; put the key in OPENAI_API_KEY' });
      }
      if (url.search || url.hash) {
        ctx.addIssue({ code: 'custom', message: 'must not contain a query or fragment (use OPENAI_API_VERSION for api-version)' });
      }
    })
    .optional(),
);

/** A whole number within [min, max] from an env string; blank → fallback. Messages name the range. */
export const intInRange = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
      .transform(Number)
      .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional()
      .transform((value) => value ?? fallback),
  );

const authHeader = z.preprocess(
  (value) => (typeof blankToUndefined(value) === 'string' ? (blankToUndefined(value) as string).toLowerCase() : undefined),
  z
    .enum(['bearer', 'authorization', 'api-key'], { error: 'must be "bearer" (Authorization: Bearer, the default) or "api-key" (Azure style)' })
    .optional()
    .transform((value) => (value === 'api-key' ? 'api-key' : 'bearer') as AuthStyle),
);

export type AuthStyle = 'bearer' | 'api-key';

export const UpstreamEnv = z
  .object({
    OPENAI_BASE_URL: baseUrl,
    OPENAI_API_KEY: headerSafe(4096),
    OPENAI_ORG_ID: headerSafe(256),
    OPENAI_PROJECT_ID: headerSafe(256),
    OPENAI_AUTH_HEADER: authHeader,
    OPENAI_API_VERSION: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must look like 2025-04-01-preview (letters, digits, . _ -)').optional(),
    ),
    RUNBOARD_CONNECTION_NAME: optionalText(80),
    RUNBOARD_CONNECTION_ID: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 lower-case letters, digits, _ or - (it keys the index, claims and notes in the database)').optional(),
    ),
    RUNBOARD_UPSTREAM_TIMEOUT_MS: intInRange(100, 600_000, 30_000),
    RUNBOARD_UPSTREAM_RETRIES: intInRange(0, 5, 2),
  });
export type UpstreamEnv = z.infer<typeof UpstreamEnv>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid Runboard configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** One readable line per bad variable: `NAME must … (got "value")`; secret values are not shown. */
export function describeEnvIssues(error: z.ZodError, env: Record<string, string | undefined>): string[] {
  return error.issues.map((issue) => {
    const name = String(issue.path[0] ?? 'environment');
    const raw = env[name];
    const shown = raw === undefined || SECRET_VARS.has(name) ? '' : ` (got ${JSON.stringify(raw.length > 80 ? `${raw.slice(0, 80)}…` : raw)})`;
    return `${name} ${issue.message}${shown}`;
  });
}

/** Parses (and caches per env object) the upstream variables; throws ConfigError listing every problem. */
export function parseUpstreamEnv(env: Record<string, string | undefined> = process.env): UpstreamEnv {
  const parsed = UpstreamEnv.safeParse(env);
  const problems = parsed.success ? [] : describeEnvIssues(parsed.error, env);
  // Cross-field rule checked on the raw values so it is reported together with per-field problems.
  if (blankToUndefined(env.OPENAI_BASE_URL) !== undefined && blankToUndefined(env.OPENAI_API_KEY) === undefined) {
    problems.push('OPENAI_API_KEY is required when OPENAI_BASE_URL is set');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return parsed.data;
}
