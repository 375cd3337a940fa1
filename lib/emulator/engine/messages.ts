/** Messages written by hand (not by a run): create message, thread.messages, additional_messages. */
import type { CreateMessageBody } from '../../contract';
import type { EngineCtx } from './context';
import type { MessageRec, ThreadRec } from '../store';
import type { MessageContent } from '../wire';

export function addHandMessage(ctx: EngineCtx, thread: ThreadRec, body: CreateMessageBody, at: number): MessageRec {
  const content: MessageContent[] =
    typeof body.content === 'string'
      ? [{ type: 'text', text: { value: body.content, annotations: [] } }]
      : body.content.map((part) => (part.type === 'text' ? { type: 'text', text: { value: part.text, annotations: [] } } : part));
  const rec = ctx.store.makeMessage({
    id: ctx.ids.make('msg_'),
    object: 'thread.message',
    created_at: at,
    assistant_id: null,
    thread_id: thread.id,
    run_id: null,
    role: body.role,
    content,
    attachments: body.attachments ?? [],
    metadata: body.metadata ?? {},
    // Hand-made messages are complete at once (§5.3 of the digest).
    status: 'completed',
    incomplete_details: null,
    completed_at: at,
    incomplete_at: null,
  });
  ctx.store.attachMessage(thread, rec);
  return rec;
}
