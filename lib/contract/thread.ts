/** Threads: read shape, create/modify bodies and the delete response. */
import { z } from 'zod';
import { Metadata, MetadataOut, ResponseId, UnixTime } from './common';
import { ToolResourcesInput, ToolResourcesOut, ToolResourcesUpdateInput } from './assistant';
import { CreateMessageBody } from './message';

/** v1 threads have no `tool_resources`; v2 has it (nullable), so it is optional here. */
export const Thread = z.looseObject({
  id: ResponseId,
  object: z.literal('thread'),
  created_at: UnixTime,
  tool_resources: ToolResourcesOut.nullish(),
  metadata: MetadataOut,
});
export type Thread = z.infer<typeof Thread>;

/** POST /threads, and the `thread` field of POST /threads/runs. */
export const CreateThreadBody = z.strictObject({
  messages: z.array(CreateMessageBody).optional(),
  tool_resources: ToolResourcesInput.nullish(),
  metadata: Metadata.nullish(),
});
export type CreateThreadBody = z.infer<typeof CreateThreadBody>;

/** POST /threads/{thread_id}: only metadata and tool_resources are mutable. */
export const ModifyThreadBody = z.strictObject({
  tool_resources: ToolResourcesUpdateInput.nullish(),
  metadata: Metadata.nullish(),
});
export type ModifyThreadBody = z.infer<typeof ModifyThreadBody>;

export const ThreadDeleted = z.looseObject({
  id: ResponseId,
  object: z.literal('thread.deleted'),
  deleted: z.boolean(),
});
export type ThreadDeleted = z.infer<typeof ThreadDeleted>;
