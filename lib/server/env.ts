import 'server-only';
import { z } from 'zod';
import { blankToUndefined as blank, ConfigError, describeEnvIssues, intInRange as int, parseUpstreamEnv, type UpstreamEnv } from '@/lib/upstream/config';

// Server-side settings beyond the upstream connection: proxy limits, the poll micro-cache and the embedded
// emulator. Parsed once per process (and re-parsed when tests change process.env, see resetServerEnv).

const ServerEnv = z.object({
  RUNBOARD_PROXY_MAX_BODY_BYTES: int(1_024, 50 * 1024 * 1024, 2 * 1024 * 1024),
  RUNBOARD_FILE_MAX_BYTES: int(1_024, 200 * 1024 * 1024, 20 * 1024 * 1024),
  RUNBOARD_POLL_CACHE_MS: int(0, 10_000, 1_000),
  EMULATOR_PORT: int(0, 65_535, 4010),
  EMULATOR_HOST: z.preprocess(blank, z.string().regex(/^[A-Za-z0-9.:-]+$/, 'must be a host name or IP').optional().default('127.0.0.1')),
  EMULATOR_API_KEY: z.preprocess(
    blank,
    z.string().regex(/^[\x21-\x7e]{8,512}$/, 'must be 8-512 printable ASCII characters without spaces').optional(),
  ),
  EMULATOR_PROFILE: z.preprocess(blank, z.enum(['full', 'sparse'], { error: "must be 'full' or 'sparse'" }).optional().default('full')),
  RUNBOARD_AUDIT_RETENTION_DAYS: int(1, 36_500, 365),
  DATABASE_URL: z.preprocess(
    blank,
    z.string().trim().regex(/^postgres(ql)?:\/\/\S+$/i, 'must be a postgres:// or postgresql:// URL (unset it to use the embedded SQLite file)').optional(),
  ),
  // The watcher (lib/watch): requests per second per connection (decimals allowed, e.g. 0.5), and 'off' to not start it.
  RUNBOARD_WATCH_BUDGET_RPS: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'must be a number of requests per second between 0.1 and 50')
      .transform(Number)
      .pipe(z.number().min(0.1, 'must be at least 0.1').max(50, 'must be at most 50'))
      .optional()
      .transform((v) => v ?? 2),
  ),
  RUNBOARD_WATCH: z.preprocess(blank, z.enum(['on', 'off'], { error: "must be 'on' or 'off'" }).optional().default('on')),
  EMULATOR_SPEED: z.preprocess(
    blank,
    z.string().regex(/^\d+(\.\d+)?$/, 'must be a positive number (1 = real time)').transform(Number).optional(),
  ),
});

export type ServerEnv = z.infer<typeof ServerEnv> & { upstream: UpstreamEnv };

const cache = globalThis as typeof globalThis & { runboardServerEnv?: ServerEnv };

/** All server settings, validated; throws ConfigError listing every bad variable (names and expectations). */
export function getServerEnv(env: Record<string, string | undefined> = process.env): ServerEnv {
  if (env === process.env && cache.runboardServerEnv) return cache.runboardServerEnv;
  const problems: string[] = [];
  let upstream: UpstreamEnv | undefined;
  try {
    upstream = parseUpstreamEnv(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const parsed = ServerEnv.safeParse(env);
  if (!parsed.success) problems.push(...describeEnvIssues(parsed.error, env));
  if (problems.length > 0 || !parsed.success || !upstream) throw new ConfigError(problems);
  const result = { ...parsed.data, upstream };
  if (env === process.env) cache.runboardServerEnv = result;
  return result;
}

/** Tests change process.env between suites; this drops the cached parse. */
export function resetServerEnv(): void {
  delete cache.runboardServerEnv;
}
