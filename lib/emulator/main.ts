/**
 * `npm run emulator`: the emulator alone. Env: EMULATOR_PORT (4010), EMULATOR_HOST (127.0.0.1),
 * EMULATOR_API_KEY (exact key required when set; any Bearer key otherwise), EMULATOR_SPEED (1),
 * EMULATOR_SEED (20260826), EMULATOR_PROFILE (`full`, or `sparse`: a partial facade, see profile.ts).
 */
import { isEmulatorProfile } from './profile';
import { startEmulatorServer } from './server';

function numberEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const apiKey = process.env.EMULATOR_API_KEY?.trim() || undefined;
  const profile = process.env.EMULATOR_PROFILE?.trim() || 'full';
  if (!isEmulatorProfile(profile)) {
    console.error(`EMULATOR_PROFILE must be 'full' or 'sparse', got ${JSON.stringify(profile)}`);
    process.exit(2);
  }
  const server = await startEmulatorServer({
    port: numberEnv('EMULATOR_PORT', 4010),
    host: process.env.EMULATOR_HOST?.trim() || '127.0.0.1',
    speed: numberEnv('EMULATOR_SPEED', 1),
    seed: numberEnv('EMULATOR_SEED', 20260826),
    profile,
    ...(apiKey ? { apiKey } : {}),
  });
  console.log(`Assistants emulator listening on ${server.url}`);
  console.log(`  profile: ${profile}; seed: ${server.emulator.state.seedSummary}`);
  console.log(`  auth: ${apiKey ? 'Bearer EMULATOR_API_KEY required' : 'any Bearer key'}; speed ×${server.emulator.clock.speed}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  console.error(code === 'EADDRINUSE' ? 'Port in use: set EMULATOR_PORT to a free port.' : error);
  process.exit(1);
});
