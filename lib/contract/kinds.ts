/**
 * The contract's plain values: status and type lists, limits, and the type guards built on them. No zod here (types
 * are imported as types only), so browser code that needs a list or a guard does not pull the schemas and zod into
 * a page's first JavaScript; the schema files re-export everything, so `@/lib/contract` still has it all.
 */
import type { Annotation, KnownAnnotation, KnownMessageContent, MessageContent } from './message';
import type { KnownStepDetails, KnownToolCall, StepDetails, ToolCall } from './run-step';

export function isOneOf<const T extends readonly string[]>(values: T) {
  const set = new Set<string>(values);
  return (value: unknown): value is T[number] => typeof value === 'string' && set.has(value);
}

/**
 * What an id in a URL path may look like. Real ids are `<prefix><base62>`; we allow `-` for
 * `file-...` ids and `_` for the prefixes. No dots, slashes or percent signs: that rules out
 * `..`, encoded slashes and other path tricks before an id ever reaches a URL we build.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export const METADATA_LIMITS = { maxKeys: 16, maxKeyLength: 64, maxValueLength: 512 } as const;

export const FILE_SEARCH_CONTENT_INCLUDE = 'step_details.tool_calls[*].file_search.results[*].content' as const;

// ---------------------------------------------------------------------------------------------
// Run status
// ---------------------------------------------------------------------------------------------

export const RUN_STATUSES = [
  'queued',
  'in_progress',
  'requires_action',
  'cancelling',
  'cancelled',
  'failed',
  'completed',
  'incomplete',
  'expired',
] as const;

/** Active = the thread is locked (no new runs/messages). `requires_action` is a pause, not an end. */
export const ACTIVE_RUN_STATUSES = ['queued', 'in_progress', 'requires_action', 'cancelling'] as const;
export const TERMINAL_RUN_STATUSES = ['completed', 'failed', 'cancelled', 'expired', 'incomplete'] as const;
export type ActiveRunStatus = (typeof ACTIVE_RUN_STATUSES)[number];
export type TerminalRunStatus = (typeof TERMINAL_RUN_STATUSES)[number];

export const isKnownRunStatus = isOneOf(RUN_STATUSES);
export const isActiveRunStatus = isOneOf(ACTIVE_RUN_STATUSES);
/** `incomplete` is terminal: helpers that loop on it never stop (openai/openai-python#1407). */
export const isTerminalRunStatus = isOneOf(TERMINAL_RUN_STATUSES);

// ---------------------------------------------------------------------------------------------
// Step and tool-call types
// ---------------------------------------------------------------------------------------------

export const RUN_STEP_TYPES = ['message_creation', 'tool_calls'] as const;
export const KNOWN_TOOL_CALL_TYPES = ['function', 'code_interpreter', 'file_search', 'retrieval'] as const;

const isKnownToolCallType = isOneOf(KNOWN_TOOL_CALL_TYPES);
/** Narrows a tool call to the known variants (the fallback only takes unknown `type` values). */
export function isKnownToolCall(call: ToolCall): call is KnownToolCall {
  return isKnownToolCallType(call.type);
}

const isKnownStepType = isOneOf(RUN_STEP_TYPES);
export function isKnownStepDetails(details: StepDetails): details is KnownStepDetails {
  return isKnownStepType(details.type);
}

// ---------------------------------------------------------------------------------------------
// Message content and annotation types
// ---------------------------------------------------------------------------------------------

export const KNOWN_ANNOTATION_TYPES = ['file_citation', 'file_path'] as const;
export const KNOWN_CONTENT_TYPES = ['text', 'image_file', 'image_url', 'refusal'] as const;

const isKnownAnnotationType = isOneOf(KNOWN_ANNOTATION_TYPES);
export function isKnownAnnotation(a: Annotation): a is KnownAnnotation {
  return isKnownAnnotationType(a.type);
}

const isKnownContentType = isOneOf(KNOWN_CONTENT_TYPES);
export function isKnownMessageContent(part: MessageContent): part is KnownMessageContent {
  return isKnownContentType(part.type);
}
