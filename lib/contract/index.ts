/** The Assistants v2 contract: import from '@/lib/contract'. Imports zod only. */
export * from './common';
export * from './assistant';
export * from './thread';
export * from './message';
export * from './run';
export * from './run-step';
export * from './file';
export * from './stream';
export * from './endpoints';
