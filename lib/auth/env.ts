import 'server-only';
import { z } from 'zod';
import { blankToUndefined as blank, ConfigError, describeEnvIssues, intInRange } from '@/lib/upstream/config';

// Sign-in settings from the environment, validated like the upstream ones: every problem names the variable and
// says what is expected; secret values (RUNBOARD_SECRET, RUNBOARD_ADMIN_PASSWORD, DATABASE_URL) are never echoed.

const publicUrl = z.preprocess(
  blank,
  z
    .string()
    .transform((value, ctx) => {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be an absolute http(s) URL such as https://runboard.example.com' });
        return z.NEVER;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use http or https' });
      if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
        ctx.addIssue({ code: 'custom', message: 'must be an origin only (scheme, host, optional port), e.g. https://runboard.example.com' });
      }
      return url.origin;
    })
    .optional(),
);

const flag = z.preprocess(
  (value) => (typeof blank(value) === 'string' ? (blank(value) as string).toLowerCase() : undefined),
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'must be 1 or 0' })
    .optional()
    .transform((v) => v === '1' || v === 'true' || v === 'yes'),
);

const AuthEnvSchema = z.object({
  RUNBOARD_SECRET: z.preprocess(blank, z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)').max(1024).optional()),
  DATABASE_URL: z.preprocess(blank, z.string().optional()),
  RUNBOARD_PUBLIC_URL: publicUrl,
  RUNBOARD_TRUST_PROXY: flag,
  RUNBOARD_SESSION_IDLE_HOURS: intInRange(1, 24 * 30, 12),
  RUNBOARD_SESSION_MAX_DAYS: intInRange(1, 90, 7),
  RUNBOARD_ADMIN_EMAIL: z.preprocess(blank, z.email('must be an email address').optional()),
  RUNBOARD_ADMIN_PASSWORD: z.preprocess(blank, z.string().min(12, 'must be at least 12 characters').max(128, 'must be at most 128 characters').optional()),
});

export type AuthEnv = {
  /** undefined → generated once into the data folder (embedded SQLite only). */
  secret: string | undefined;
  publicUrl: string | undefined;
  trustProxy: boolean;
  idleSeconds: number;
  absoluteSeconds: number;
  bootstrapAdmin: { email: string; password: string } | null;
};

/** All sign-in settings, validated; throws ConfigError listing every bad variable. */
export function parseAuthEnv(env: Record<string, string | undefined> = process.env): AuthEnv {
  const parsed = AuthEnvSchema.safeParse(env);
  const problems = parsed.success ? [] : describeEnvIssues(parsed.error, env);
  const data = parsed.success ? parsed.data : undefined;
  if (blank(env.DATABASE_URL) !== undefined && blank(env.RUNBOARD_SECRET) === undefined) {
    problems.push('RUNBOARD_SECRET is required with DATABASE_URL (every instance must share it; e.g. `openssl rand -base64 32`)');
  }
  const email = blank(env.RUNBOARD_ADMIN_EMAIL);
  const password = blank(env.RUNBOARD_ADMIN_PASSWORD);
  if ((email === undefined) !== (password === undefined)) {
    problems.push('RUNBOARD_ADMIN_EMAIL and RUNBOARD_ADMIN_PASSWORD must be set together (or neither)');
  }
  if (!data || problems.length > 0) throw new ConfigError(problems);
  return {
    secret: data.RUNBOARD_SECRET,
    publicUrl: data.RUNBOARD_PUBLIC_URL,
    trustProxy: data.RUNBOARD_TRUST_PROXY,
    idleSeconds: data.RUNBOARD_SESSION_IDLE_HOURS * 3600,
    absoluteSeconds: data.RUNBOARD_SESSION_MAX_DAYS * 86_400,
    bootstrapAdmin: data.RUNBOARD_ADMIN_EMAIL && data.RUNBOARD_ADMIN_PASSWORD ? { email: data.RUNBOARD_ADMIN_EMAIL.toLowerCase(), password: data.RUNBOARD_ADMIN_PASSWORD } : null,
  };
}
