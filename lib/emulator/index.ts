/**
 * The Assistants-compatible emulator (see README.md in this folder). Server-only: it never belongs
 * in a client bundle. Standalone runners (main.ts, the benchmark) import ./server directly.
 */
import 'server-only';

export { createEmulator, type Emulator, type EmulatorOptions } from './emulator';
export { startEmulatorServer, type EmulatorServer, type EmulatorServerOptions } from './server';
export { SCENARIOS, type Scenario } from './scripts/courses';
