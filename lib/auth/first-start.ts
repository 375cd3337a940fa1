import 'server-only';
import { parseAuthEnv } from './env';
import { getAuthPair } from './runtime';
import { prepareFirstStart } from './setup';

// Printed at server start (instrumentation → lib/server/boot.ts). The setup link is the one secret Runboard ever
// prints: it is how the person who started the server proves it, and it only works while no user exists.

export function setupUrl(token: string, publicUrl: string | undefined, port = process.env.PORT || '3000'): string {
  return `${publicUrl ?? `http://localhost:${port}`}/setup?token=${encodeURIComponent(token)}`;
}

export async function announceFirstStart(print: (line: string) => void = console.log): Promise<void> {
  const env = parseAuthEnv();
  const first = await prepareFirstStart(await getAuthPair());
  if (first.state === 'created') print(`[runboard] created the first admin ${first.email} from RUNBOARD_ADMIN_EMAIL / RUNBOARD_ADMIN_PASSWORD`);
  if (first.state === 'link') {
    print('[runboard] No user exists yet. Open this one-time link within 1 hour to create the first admin');
    print(`[runboard] (a new link is printed at every start until then): ${setupUrl(first.token, env.publicUrl)}`);
  }
}
