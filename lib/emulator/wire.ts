/**
 * The exact objects the emulator sends. Deliberately stricter than the contract's read schemas
 * (which tolerate facades that omit things): every field the spec marks REQ is present here, so
 * the emulator is a faithful stand-in for the real API. Field order follows the API docs.
 */
import type { RunStatus } from '../contract';

export type Metadata = Record<string, string>;
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export type ToolDef =
  | { type: 'code_interpreter' }
  | { type: 'file_search'; file_search?: { max_num_results?: number; ranking_options?: { ranker?: string; score_threshold: number } } }
  | { type: 'function'; function: { name: string; description?: string; parameters?: Record<string, unknown>; strict?: boolean | null } };

export type FunctionToolDef = Extract<ToolDef, { type: 'function' }>;

export interface ToolResources {
  code_interpreter?: { file_ids: string[] };
  file_search?: { vector_store_ids: string[] };
}

export interface AssistantWire {
  id: string;
  object: 'assistant';
  created_at: number;
  name: string | null;
  description: string | null;
  model: string;
  instructions: string | null;
  tools: ToolDef[];
  tool_resources: ToolResources | null;
  metadata: Metadata;
  temperature: number | null;
  top_p: number | null;
  response_format: unknown;
}

export interface ThreadWire {
  id: string;
  object: 'thread';
  created_at: number;
  tool_resources: ToolResources | null;
  metadata: Metadata;
}

export interface Annotation {
  type: 'file_citation' | 'file_path';
  text: string;
  start_index: number;
  end_index: number;
  file_citation?: { file_id: string };
  file_path?: { file_id: string };
}

export type MessageContent =
  | { type: 'text'; text: { value: string; annotations: Annotation[] } }
  | { type: 'image_file'; image_file: { file_id: string; detail?: 'auto' | 'low' | 'high' } }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

export interface Attachment {
  file_id: string;
  tools: Array<{ type: 'code_interpreter' } | { type: 'file_search' }>;
}

export type MessageIncompleteReason = 'content_filter' | 'max_tokens' | 'run_cancelled' | 'run_expired' | 'run_failed';

export interface MessageWire {
  id: string;
  object: 'thread.message';
  created_at: number;
  assistant_id: string | null;
  thread_id: string;
  run_id: string | null;
  role: 'user' | 'assistant';
  content: MessageContent[];
  attachments: Attachment[];
  metadata: Metadata;
  status: 'in_progress' | 'incomplete' | 'completed';
  incomplete_details: { reason: MessageIncompleteReason } | null;
  completed_at: number | null;
  incomplete_at: number | null;
}

export interface FunctionCallWire {
  id: string;
  type: 'function';
  function: { name: string; arguments: string; output: string | null };
}
export interface CodeCallWire {
  id: string;
  type: 'code_interpreter';
  code_interpreter: {
    input: string;
    outputs: Array<{ type: 'logs'; logs: string } | { type: 'image'; image: { file_id: string } }>;
  };
}
export interface FileSearchResultWire {
  file_id: string;
  file_name: string;
  score: number;
  content?: Array<{ type: 'text'; text: string }>;
}
export interface FileSearchCallWire {
  id: string;
  type: 'file_search';
  file_search: {
    ranking_options?: { ranker: 'auto' | 'default_2024_08_21'; score_threshold: number };
    results?: FileSearchResultWire[];
  };
}
export type ToolCallWire = FunctionCallWire | CodeCallWire | FileSearchCallWire;

export type StepDetails =
  | { type: 'message_creation'; message_creation: { message_id: string } }
  | { type: 'tool_calls'; tool_calls: ToolCallWire[] };

export type StepStatus = 'in_progress' | 'cancelled' | 'failed' | 'completed' | 'expired';
export type StepErrorCode = 'server_error' | 'rate_limit_exceeded';

export interface StepWire {
  id: string;
  object: 'thread.run.step';
  created_at: number;
  run_id: string;
  assistant_id: string;
  thread_id: string;
  type: 'message_creation' | 'tool_calls';
  status: StepStatus;
  cancelled_at: number | null;
  completed_at: number | null;
  expired_at: number | null;
  failed_at: number | null;
  last_error: { code: StepErrorCode; message: string } | null;
  step_details: StepDetails;
  usage: Usage | null;
  metadata: Metadata;
}

export type RunErrorCode = 'server_error' | 'rate_limit_exceeded' | 'invalid_prompt';

export interface RequiredActionWire {
  type: 'submit_tool_outputs';
  submit_tool_outputs: {
    tool_calls: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
  };
}

export interface RunWire {
  id: string;
  object: 'thread.run';
  created_at: number;
  assistant_id: string;
  thread_id: string;
  status: RunStatus;
  started_at: number | null;
  expires_at: number | null;
  cancelled_at: number | null;
  failed_at: number | null;
  completed_at: number | null;
  required_action: RequiredActionWire | null;
  last_error: { code: RunErrorCode; message: string } | null;
  model: string;
  instructions: string;
  tools: ToolDef[];
  tool_resources: ToolResources;
  metadata: Metadata;
  temperature: number;
  top_p: number;
  max_completion_tokens: number | null;
  max_prompt_tokens: number | null;
  truncation_strategy: { type: 'auto' | 'last_messages'; last_messages: number | null };
  incomplete_details: { reason: 'max_completion_tokens' | 'max_prompt_tokens' } | null;
  usage: Usage | null;
  response_format: unknown;
  tool_choice: unknown;
  parallel_tool_calls: boolean;
  reasoning_effort?: string | null;
}

export interface FileWire {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: 'assistants' | 'assistants_output';
  status: 'processed';
}
