// Argument parsing for `npm run runboard -- …` (pure, unit-tested): turns argv into one command or a usage error.
import { parseArgs } from 'node:util';
import { CreateTokenBody, RoleValue, TOKEN_DAYS } from '@/lib/contract/people';

export const USAGE = `Usage:
  npm run runboard -- token create --email EMAIL --name NAME [--role viewer|operator|admin] [--days N]

  token create   prints a new personal API token for an existing user (shown once; stored hashed).
                 --role defaults to the user's own role and may not be higher;
                 --days defaults to ${TOKEN_DAYS.default}, at most ${TOKEN_DAYS.max}.
The database is the server's: RUNBOARD_DB_FILE (default data/runboard.db) or DATABASE_URL.`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'token.create'; email: string; name: string; role: RoleValue | null; days: number };

export class UsageError extends Error {}

export function parseCli(argv: string[]): CliCommand {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { kind: 'help' };
  const [group, action, ...rest] = argv;
  if (group !== 'token' || action !== 'create') {
    throw new UsageError(`Unknown command "${[group, action].filter(Boolean).join(' ')}". The one command is "token create".`);
  }
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, days: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
  const missing = (['email', 'name'] as const).filter((k) => !values[k]?.trim());
  if (missing.length > 0) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(' and ')}.`);
  let role: RoleValue | null = null;
  if (values.role !== undefined) {
    const parsed = RoleValue.safeParse(values.role.trim().toLowerCase());
    if (!parsed.success) throw new UsageError(`--role must be viewer, operator or admin (got "${values.role}").`);
    role = parsed.data;
  }
  const daysText = values.days?.trim();
  if (daysText !== undefined && !/^\d+$/.test(daysText)) throw new UsageError(`--days must be a whole number of days (got "${values.days}").`);
  const body = CreateTokenBody.safeParse({ name: values.name, role: role ?? 'viewer', days: daysText === undefined ? undefined : Number(daysText) });
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw new UsageError(`--${String(issue.path[0])} ${issue.message}.`);
  }
  return { kind: 'token.create', email: values.email!.trim().toLowerCase(), name: body.data.name, role, days: body.data.days };
}
