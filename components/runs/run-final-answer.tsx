'use client';

import { useQuery } from '@tanstack/react-query';
import type { Run } from '@/lib/contract';
import { finalAnswerQueryOptions } from '@/lib/queries/messages';
import { isTerminal } from '@/lib/view/run-shapes';
import { Card } from '@/components/ui/card';
import { MessageContentPart } from '@/components/threads/message-content';
import { Time } from './time';

/**
 * The run's final answer — its newest assistant message — on the summary, so nobody has to open the last step to
 * read what the customer was told. Shown once the run has ended (while it runs, the answer is not final).
 */
export function RunFinalAnswer({ run }: { run: Run }) {
  const ended = isTerminal(run.status);
  const q = useQuery({ ...finalAnswerQueryOptions(run), enabled: ended });
  if (!ended || q.isPending) return null;
  if (q.error) return null;
  const found = q.data?.data.find((m) => m.role === 'assistant');
  // An empty message from a run that failed says nothing: the diagnosis above already tells why it ended.
  const answer = found && (run.status === 'completed' || found.content.some((p) => p.type !== 'text' || String((p as { text?: { value?: unknown } }).text?.value ?? '').trim() !== '')) ? found : undefined;
  if (!answer) {
    if (run.status !== 'completed') return null;
    return (
      <Card title="Final answer" testId="run-final-answer">
        <p className="text-sm text-muted">This run added no assistant message to the thread.</p>
      </Card>
    );
  }
  return (
    <Card
      title="Final answer"
      testId="run-final-answer"
      actions={
        <span className="text-xs text-muted">
          <span className="font-mono">{answer.id}</span> · <Time value={answer.created_at} />
        </span>
      }
    >
      <div className="flex min-w-0 flex-col gap-2 break-words">
        {answer.content.map((part, i) => (
          <MessageContentPart key={i} part={part} messageId={answer.id} />
        ))}
      </div>
      {run.status !== 'completed' ? <p className="mt-2 text-xs text-muted">The run ended {run.status}: this is the last answer it gave, not necessarily a complete one.</p> : null}
    </Card>
  );
}
