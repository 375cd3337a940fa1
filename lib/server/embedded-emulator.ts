import 'server-only';
import { randomBytes } from 'node:crypto';
import { getServerEnv } from './env';
import { log } from './log';
import { registerSecret } from './redact';

// Boots the Assistants emulator inside the Next server process when no OPENAI_BASE_URL is configured.
// The proxy still talks real HTTP to it (same code path as a real upstream), with a key generated at start so the
// key-handling path is exercised in the default set-up too. State lives on globalThis: Next evaluates
// instrumentation.ts and each route bundle as separate module instances, but they share one globalThis.

export type EmbeddedEmulator = {
  /** Base URL ending with /v1. */
  url: string;
  port: number;
  apiKey: string;
  close: () => Promise<void>;
};

type EmbeddedState = { starting?: Promise<EmbeddedEmulator> };
const holder = globalThis as typeof globalThis & { runboardEmbeddedEmulator?: EmbeddedState };

function state(): EmbeddedState {
  holder.runboardEmbeddedEmulator ??= {};
  return holder.runboardEmbeddedEmulator;
}

export class EmulatorPortInUseError extends Error {
  constructor(host: string, port: number) {
    super(
      `Runboard could not start its embedded Assistants emulator: ${host}:${port} is already in use. ` +
        `Stop whatever is listening there, set EMULATOR_PORT to a free port, or set OPENAI_BASE_URL (and OPENAI_API_KEY) ` +
        `to use another upstream.`,
    );
    this.name = 'EmulatorPortInUseError';
  }
}

function generateKey(): string {
  return `rb-emu-${randomBytes(24).toString('base64url')}`;
}

async function boot(): Promise<EmbeddedEmulator> {
  const env = getServerEnv();
  const apiKey = env.EMULATOR_API_KEY ?? generateKey();
  registerSecret(apiKey);
  // Imported lazily so route bundles that never need the emulator (real upstream) do not evaluate it.
  const { startEmulatorServer } = await import('@/lib/emulator');
  let server: Awaited<ReturnType<typeof startEmulatorServer>>;
  try {
    server = await startEmulatorServer({
      port: env.EMULATOR_PORT,
      host: env.EMULATOR_HOST,
      apiKey,
      profile: env.EMULATOR_PROFILE,
      ...(env.EMULATOR_SPEED !== undefined ? { speed: env.EMULATOR_SPEED } : {}),
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new EmulatorPortInUseError(env.EMULATOR_HOST, env.EMULATOR_PORT);
    throw error;
  }
  log('info', 'embedded_emulator.started', { url: server.url, profile: env.EMULATOR_PROFILE, keySource: env.EMULATOR_API_KEY ? 'EMULATOR_API_KEY' : 'generated' });
  return { url: server.url, port: server.port, apiKey, close: server.close };
}

/** Starts the embedded emulator once per process (concurrent callers share the start); null when an upstream is configured. */
export function ensureEmbeddedEmulator(): Promise<EmbeddedEmulator> | null {
  if (getServerEnv().upstream.OPENAI_BASE_URL) return null;
  const current = state();
  if (!current.starting) {
    current.starting = boot();
    // A failed start must not be cached forever: the next request retries (e.g. once the port is free).
    current.starting.catch(() => {
      if (state().starting) delete state().starting;
    });
  }
  return current.starting;
}

/** For tests: stop the embedded emulator if one was started. */
export async function stopEmbeddedEmulator(): Promise<void> {
  const current = state();
  const starting = current.starting;
  delete current.starting;
  if (starting) await (await starting.catch(() => null))?.close();
}
