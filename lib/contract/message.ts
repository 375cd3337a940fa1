/**
 * Messages: the read shape (all content part types, v1 `file_ids` and `file_citation.quote`),
 * the create body (also used for `additional_messages` and `thread.messages`), and the list query.
 */
import { z } from 'zod';
import { KNOWN_ANNOTATION_TYPES, KNOWN_CONTENT_TYPES } from './kinds';
import {
  Id,
  KnownOrOther,
  ListQuery,
  Metadata,
  MetadataOut,
  ResponseId,
  UnixTime,
  UnknownVariant,
  isOneOf,
} from './common';

export const MESSAGE_STATUSES = ['in_progress', 'incomplete', 'completed'] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;
export const isKnownMessageStatus = isOneOf(MESSAGE_STATUSES);

export const MESSAGE_INCOMPLETE_REASONS = ['content_filter', 'max_tokens', 'run_cancelled', 'run_expired', 'run_failed'] as const;
export const MESSAGE_ROLES = ['user', 'assistant'] as const;
const IMAGE_DETAILS = ['auto', 'low', 'high'] as const;

// ---------------------------------------------------------------------------------------------
// Annotations and content parts (read side)
// ---------------------------------------------------------------------------------------------

export { KNOWN_ANNOTATION_TYPES, KNOWN_CONTENT_TYPES, isKnownAnnotation, isKnownMessageContent } from './kinds';
export const FileCitationAnnotation = z.looseObject({
  type: z.literal('file_citation'),
  text: z.string(),
  // v1 (and delta form) carries `quote`.
  file_citation: z.looseObject({ file_id: z.string(), quote: z.string().nullish() }),
  start_index: z.int().min(0),
  end_index: z.int().min(0),
});
export const FilePathAnnotation = z.looseObject({
  type: z.literal('file_path'),
  text: z.string(),
  file_path: z.looseObject({ file_id: z.string() }),
  start_index: z.int().min(0),
  end_index: z.int().min(0),
});
export const Annotation = z.union([FileCitationAnnotation, FilePathAnnotation, UnknownVariant(KNOWN_ANNOTATION_TYPES)]);
export type Annotation = z.infer<typeof Annotation>;
export type KnownAnnotation = z.infer<typeof FileCitationAnnotation> | z.infer<typeof FilePathAnnotation>;

export const TextContent = z.looseObject({
  type: z.literal('text'),
  text: z.looseObject({ value: z.string(), annotations: z.array(Annotation).nullish() }),
});
export const ImageFileContent = z.looseObject({
  type: z.literal('image_file'),
  image_file: z.looseObject({ file_id: z.string(), detail: z.string().nullish() }),
});
export const ImageUrlContent = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.string().nullish() }),
});
export const RefusalContent = z.looseObject({ type: z.literal('refusal'), refusal: z.string() });

/** One content part of a message. Unknown part types parse (UI shows them as raw JSON). */
export const MessageContent = z.union([
  TextContent,
  ImageFileContent,
  ImageUrlContent,
  RefusalContent,
  UnknownVariant(KNOWN_CONTENT_TYPES),
]);
export type MessageContent = z.infer<typeof MessageContent>;
export type KnownMessageContent =
  | z.infer<typeof TextContent>
  | z.infer<typeof ImageFileContent>
  | z.infer<typeof ImageUrlContent>
  | z.infer<typeof RefusalContent>;

/** Both keys are optional in the spec's MessageObject (Steady sends `attachments: [{}]`). */
export const MessageAttachmentOut = z.looseObject({
  file_id: z.string().nullish(),
  tools: z.array(z.looseObject({ type: z.string() })).nullish(),
});

// ---------------------------------------------------------------------------------------------
// Message (read side)
// ---------------------------------------------------------------------------------------------

/**
 * A message. Hand-made messages on some servers omit `status` and the `*_at` fields (the spec's own
 * create-message example does), so those are optional; `role` and `content` are what the UI
 * renders and stay strict.
 */
export const Message = z.looseObject({
  id: ResponseId,
  object: z.literal('thread.message'),
  created_at: UnixTime,
  thread_id: z.string().min(1),
  status: KnownOrOther(MESSAGE_STATUSES).nullish(),
  incomplete_details: z.looseObject({ reason: z.string() }).nullish(),
  completed_at: UnixTime.nullish(),
  incomplete_at: UnixTime.nullish(),
  role: z.enum(MESSAGE_ROLES),
  content: z.array(MessageContent),
  assistant_id: z.string().nullish(),
  run_id: z.string().nullish(),
  attachments: z.array(MessageAttachmentOut).nullish(),
  metadata: MetadataOut,
  /** v1 only. */
  file_ids: z.array(z.string()).nullish(),
});
export type Message = z.infer<typeof Message>;

// ---------------------------------------------------------------------------------------------
// Create message (request)
// ---------------------------------------------------------------------------------------------

export const MessageContentPartInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('text'), text: z.string() }),
  z.strictObject({
    type: z.literal('image_file'),
    image_file: z.strictObject({ file_id: z.string(), detail: z.enum(IMAGE_DETAILS).optional() }),
  }),
  z.strictObject({
    type: z.literal('image_url'),
    // The spec says format: uri; z.url() is the same check (absolute URL with a scheme).
    image_url: z.strictObject({ url: z.url(), detail: z.enum(IMAGE_DETAILS).optional() }),
  }),
]);
export type MessageContentPartInput = z.infer<typeof MessageContentPartInput>;

export const MessageAttachmentInput = z.strictObject({
  file_id: z.string(),
  tools: z.array(
    z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('code_interpreter') }),
      z.strictObject({ type: z.literal('file_search') }),
    ]),
  ),
});

/** POST /threads/{thread_id}/messages, `additional_messages[]` and `thread.messages[]`. */
export const CreateMessageBody = z.strictObject({
  role: z.enum(MESSAGE_ROLES),
  content: z.union([z.string(), z.array(MessageContentPartInput).min(1)]),
  attachments: z.array(MessageAttachmentInput).nullish(),
  metadata: Metadata.nullish(),
});
export type CreateMessageBody = z.infer<typeof CreateMessageBody>;

/** GET /threads/{thread_id}/messages adds a `run_id` filter to the usual list query. */
export const ListMessagesQuery = ListQuery.extend({ run_id: Id.optional() });
export type ListMessagesQuery = z.infer<typeof ListMessagesQuery>;
