'use client';

import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import type { Run } from '@/lib/contract';
import { finalAnswerQueryOptions } from '@/lib/queries/messages';
import { finalAnswerOf } from '@/lib/view/final-answer';
import { isTerminal } from '@/lib/view/run-shapes';
import { Card } from '@/components/ui/card';
import { Time } from './time';

// Only needed when the server did not render the answer (the run ended while the page was open): loaded then.
const MessageContentPart = lazy(() => import('@/components/threads/message-content').then((m) => ({ default: m.MessageContentPart })));

/** The final answer's content as the server rendered it (its Markdown needs no renderer in the browser then). */
export type RenderedFinalAnswer = { messageId: string; content: ReactNode };

/**
 * The run's final answer — its newest assistant message — on the summary, so nobody has to open the last step to
 * read what the customer was told. Shown once the run has ended (while it runs, the answer is not final).
 */
export function RunFinalAnswer({ run, rendered }: { run: Run; rendered?: RenderedFinalAnswer | null }) {
  const ended = isTerminal(run.status);
  const q = useQuery({ ...finalAnswerQueryOptions(run), enabled: ended });
  if (!ended || q.isPending) return null;
  if (q.error) return null;
  const answer = finalAnswerOf(run.status, q.data?.data);
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
        {rendered?.messageId === answer.id ? (
          rendered.content
        ) : (
          <Suspense fallback={<p className="text-sm text-muted">Loading the answer…</p>}>
            {answer.content.map((part, i) => (
              <MessageContentPart key={i} part={part} messageId={answer.id} />
            ))}
          </Suspense>
        )}
      </div>
      {run.status !== 'completed' ? <p className="mt-2 text-xs text-muted">The run ended {run.status}: this is the last answer it gave, not necessarily a complete one.</p> : null}
    </Card>
  );
}
