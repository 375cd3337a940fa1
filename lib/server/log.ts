import 'server-only';
import { redact } from './redact';

// Structured server logs: one JSON object per line on stdout, every value passed through redact().
// RUNBOARD_LOG=off silences them (benchmarks, noisy test runs); tests can capture lines with setLogSink.

export type LogLevel = 'info' | 'warn' | 'error';
export type LogSink = (line: string) => void;

const state = globalThis as typeof globalThis & { runboardLogSink?: LogSink | null };

export function setLogSink(sink: LogSink | null): void {
  state.runboardLogSink = sink;
}

export function log(level: LogLevel, event: string, fields: Record<string, unknown> = {}): void {
  const sink = state.runboardLogSink;
  if (!sink && process.env.RUNBOARD_LOG === 'off') return;
  const line = JSON.stringify(redact({ time: new Date().toISOString(), level, event, ...fields }));
  if (sink) sink(line);
  else if (level === 'error') console.error(line);
  else console.log(line);
}
