/**
 * JSON-aware hint for a tool output box. The API takes any string; most functions return JSON, so we say whether
 * the text parses, offer pretty-printing when it does, and warn (without blocking) when it looks like JSON but
 * does not parse — it would then be sent as plain text.
 */
export type OutputHint =
  | { kind: 'empty' }
  | { kind: 'blank' }
  | { kind: 'json'; pretty: string; isPretty: boolean }
  | { kind: 'broken-json'; error: string }
  | { kind: 'text' };

export function outputHint(text: string): OutputHint {
  if (text === '') return { kind: 'empty' };
  if (text.trim() === '') return { kind: 'blank' };
  const trimmed = text.trim();
  const looksJson = /^[[{"]/.test(trimmed) || /^(true|false|null|-?\d)/.test(trimmed);
  try {
    const value: unknown = JSON.parse(trimmed);
    const pretty = JSON.stringify(value, null, 2);
    return { kind: 'json', pretty, isPretty: pretty === text };
  } catch (error) {
    if (/^[[{]/.test(trimmed) || (looksJson && trimmed.startsWith('"'))) {
      return { kind: 'broken-json', error: error instanceof Error ? error.message : 'invalid JSON' };
    }
    return { kind: 'text' };
  }
}

/** Blocking problem with an output box, or null. Empty and whitespace-only outputs count as missing. */
export function outputProblem(text: string, functionName: string): string | null {
  const hint = outputHint(text);
  if (hint.kind === 'empty') return `Enter the output of ${functionName} (plain text or JSON).`;
  if (hint.kind === 'blank') return `The output of ${functionName} is only whitespace; enter a real output.`;
  return null;
}
