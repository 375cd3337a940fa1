type Part = { type: string; text?: { value?: unknown } };
type MessageLike = { role: string; content: readonly Part[] };

/**
 * A run's final answer: the newest assistant message among the run's messages (newest first). An empty message from a
 * run that did not complete says nothing (its diagnosis tells why it ended), so it is no answer.
 */
export function finalAnswerOf<M extends MessageLike>(status: string, messages: readonly M[] | undefined): M | undefined {
  const found = messages?.find((m) => m.role === 'assistant');
  if (!found) return undefined;
  const saysSomething = found.content.some((p) => p.type !== 'text' || String(p.text?.value ?? '').trim() !== '');
  return status === 'completed' || saysSomething ? found : undefined;
}
