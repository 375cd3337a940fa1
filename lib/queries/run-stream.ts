/**
 * Submit tool outputs with `stream: true` and fold the events into the caches the page already reads: the run
 * (run events), the step list (step events), and the message a step is writing (message snapshot + deltas), so the
 * steps and the message text grow live without new UI. The one place besides apiFetch that calls fetch: apiFetch
 * buffers JSON, a stream must be read as it arrives. Errors before the stream starts come back as the usual
 * ApiRequestError (status, message, request id); an in-band `error` event is thrown the same way.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createSseParser, decodeStreamEvent, type Message, type MessageDelta, type Run, type RunStep, type StreamEvent, type SubmitToolOutputsBody } from '@/lib/contract';
import { applyMessageDelta, upsertStep } from '@/lib/view/run-stream-merge';
import { ApiRequestError } from './api-error';
import { reasonHeader } from './fetcher';
import { queryKeys } from './keys';
import { runPath } from './run';
import { runMutationKeys } from './run-mutations';
import { runStepsQueryOptions, type RunStepsResult } from './run-steps';

export async function readRunStream(response: Response, onEvent: (event: StreamEvent) => void): Promise<number> {
  const requestId = response.headers.get('x-request-id');
  if (!response.ok || !response.body) {
    const text = await response.text();
    let err: { message?: unknown; type?: unknown; code?: unknown; param?: unknown } | undefined;
    try {
      err = (JSON.parse(text) as { error?: typeof err }).error;
    } catch {
      err = undefined;
    }
    throw new ApiRequestError({
      status: response.status,
      message: typeof err?.message === 'string' ? err.message : `Request failed with status ${response.status}`,
      type: typeof err?.type === 'string' ? err.type : null,
      code: err?.code == null ? null : String(err.code),
      param: typeof err?.param === 'string' ? err.param : null,
      requestId,
    });
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  let count = 0;
  const handle = (frames: ReturnType<typeof parser.push>) => {
    for (const frame of frames) {
      const decoded = decodeStreamEvent(frame);
      if (!decoded.ok) continue; // unknown events are ignored, as the API says clients must
      count++;
      if (decoded.event.event === 'error') {
        throw new ApiRequestError({ status: 200, message: decoded.event.data.message, code: decoded.event.data.code == null ? null : String(decoded.event.data.code), requestId });
      }
      onEvent(decoded.event);
      if (decoded.event.event === 'done') return true;
    }
    return false;
  };
  // After `done` the server closes the stream: read to its end rather than cancel, because a cancelled body shows as
  // a failed request (net::ERR_ABORTED) in the browser although the submit succeeded.
  let finished = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      if (!finished) handle(parser.end());
      return count;
    }
    if (!finished && handle(parser.push(value))) finished = true;
  }
}

/** Writes one stream event into the page's caches. */
export function applyRunStreamEvent(queryClient: QueryClient, threadId: string, runId: string, event: StreamEvent): void {
  const name: string = event.event;
  if (name === 'thread.run.step.delta' || name === 'done' || name === 'error' || name === 'thread.created') return;
  if (name.startsWith('thread.run.step.')) {
    const step = event.data as RunStep;
    queryClient.setQueryData<RunStepsResult>(runStepsQueryOptions(threadId, runId).queryKey, (prev) =>
      prev ? { ...prev, steps: upsertStep(prev.steps, step) } : prev,
    );
  } else if (name.startsWith('thread.run.')) {
    queryClient.setQueryData(queryKeys.run(threadId, runId), event.data as Run);
  } else if (name === 'thread.message.delta') {
    const delta = event.data as MessageDelta;
    queryClient.setQueryData<Message>(queryKeys.message(threadId, delta.id), (prev) => (prev ? applyMessageDelta(prev, delta) : prev));
  } else if (name.startsWith('thread.message.')) {
    const message = event.data as Message;
    queryClient.setQueryData(queryKeys.message(threadId, message.id), message);
  }
}

/**
 * Same mutation key as the plain submit, so the form's dedupe (useIsMutating) covers both. `onEvent` lets the
 * form show progress (event count, latest status).
 */
export function useSubmitToolOutputsStream(threadId: string, runId: string, onEvent?: (event: StreamEvent) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: runMutationKeys.submitToolOutputs(threadId, runId),
    mutationFn: async ({ body, note }: { body: SubmitToolOutputsBody; note?: string }) => {
      const response = await fetch(`${runPath(threadId, runId)}/submit_tool_outputs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...reasonHeader(note) },
        body: JSON.stringify({ ...body, stream: true }),
      });
      return readRunStream(response, (event) => {
        applyRunStreamEvent(queryClient, threadId, runId, event);
        onEvent?.(event);
      });
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.runs(threadId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditHistory(threadId) }),
      ]),
  });
}
