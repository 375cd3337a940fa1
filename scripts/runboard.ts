// `npm run runboard -- token create --email E --name N [--role R] [--days D]`: a personal API token for automation,
// on the server's own database. The token goes to stdout alone (so `TOKEN=$(npm run -s runboard -- …)` works);
// everything else goes to stderr. Exit codes: 0 done, 2 usage, 1 refused (unknown user, role too high, …).
import { parseCli, USAGE, UsageError } from './cli/args';

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`runboard: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { createTokenFromCli } = await import('./cli/token-create');
  const outcome = await createTokenFromCli(command);
  if (!outcome.ok) {
    process.stderr.write(`runboard: ${outcome.message}\n`);
    return 1;
  }
  process.stdout.write(`${outcome.secret}\n`);
  process.stderr.write(`${outcome.summary}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`runboard: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
