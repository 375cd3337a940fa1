/**
 * The endpoint table: everything the emulator serves, with `proxied: true` on the ones the
 * dashboard proxy forwards (its allow-list). Paths are relative to the API base (`/v1` stripped).
 * Pure: no Node APIs, usable in the proxy, the emulator and tests.
 */
import type { z } from 'zod';
import { ID_PATTERN, ID_PREFIXES, IncludeQuery, ListOf, ListQuery } from './common';
import { Assistant, CreateAssistantBody } from './assistant';
import { CreateThreadBody, ModifyThreadBody, Thread, ThreadDeleted } from './thread';
import { CreateMessageBody, ListMessagesQuery, Message } from './message';
import { CreateRunBody, CreateThreadAndRunBody, ModifyRunBody, Run, SubmitToolOutputsBody } from './run';
import { RunStep } from './run-step';
import { OpenAIFile } from './file';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

/** Path parameter name → the id prefix it must carry. */
export const PATH_PARAM_PREFIXES = {
  thread_id: ID_PREFIXES.thread,
  run_id: ID_PREFIXES.run,
  step_id: ID_PREFIXES.step,
  message_id: ID_PREFIXES.message,
  assistant_id: ID_PREFIXES.assistant,
  file_id: ID_PREFIXES.file,
} as const;
export type PathParamName = keyof typeof PATH_PARAM_PREFIXES;

const LIST_KEYS = ['limit', 'order', 'after', 'before'] as const;
const INCLUDE_KEYS = ['include[]', 'include'] as const;

export interface Endpoint {
  /** operationId-like name (the spec's `submitToolOuputsToRun` typo is not copied). */
  id: string;
  method: HttpMethod;
  /** e.g. '/threads/{thread_id}/runs/{run_id}' */
  path: string;
  /** Path params in order, each with its required id prefix. */
  params: Readonly<Partial<Record<PathParamName, string>>>;
  /** Allowed query keys (`include[]` and lenient `include` where the API takes include). */
  query: readonly string[];
  /** Schema for the query object (after `searchParamsToQuery`), or null when none is accepted. */
  querySchema: z.ZodType | null;
  body: z.ZodType | null;
  /** JSON response schema; null for binary content. SSE responses use stream.ts instead. */
  response: z.ZodType | null;
  mutation: boolean;
  /** Honours `stream: true` in the body. `streamable` and `streams` are the same flag (both names are in use). */
  streamable: boolean;
  streams: boolean;
  /** On the dashboard proxy's allow-list. */
  proxied: boolean;
}

type EndpointInput = Omit<Endpoint, 'params' | 'streams' | 'streamable' | 'query' | 'querySchema' | 'proxied'> & {
  query?: readonly string[];
  querySchema?: z.ZodType | null;
  streamable?: boolean;
  proxied?: boolean;
};

/** Generic over the id so `EndpointId` is a union of literals (typo-safe `getEndpoint('getRun')`). */
function endpoint<const I extends string>(input: EndpointInput & { id: I }): Endpoint & { id: I } {
  const params: Partial<Record<PathParamName, string>> = {};
  for (const m of input.path.matchAll(/\{([a-z_]+)\}/g)) {
    const name = m[1] as PathParamName;
    params[name] = PATH_PARAM_PREFIXES[name];
  }
  const streamable = input.streamable ?? false;
  return {
    ...input,
    params,
    query: input.query ?? [],
    querySchema: input.querySchema ?? null,
    streamable,
    streams: streamable,
    proxied: input.proxied ?? false,
  };
}

const RUNS = '/threads/{thread_id}/runs';
const RUN = `${RUNS}/{run_id}`;

export const ENDPOINTS = [
  // Runs (all 9 proxied)
  endpoint({ id: 'createRun', method: 'POST', path: RUNS, query: INCLUDE_KEYS, querySchema: IncludeQuery, body: CreateRunBody, response: Run, mutation: true, streamable: true, proxied: true }),
  endpoint({ id: 'createThreadAndRun', method: 'POST', path: '/threads/runs', body: CreateThreadAndRunBody, response: Run, mutation: true, streamable: true, proxied: true }),
  endpoint({ id: 'listRuns', method: 'GET', path: RUNS, query: LIST_KEYS, querySchema: ListQuery, body: null, response: ListOf(Run), mutation: false, proxied: true }),
  endpoint({ id: 'getRun', method: 'GET', path: RUN, body: null, response: Run, mutation: false, proxied: true }),
  endpoint({ id: 'modifyRun', method: 'POST', path: RUN, body: ModifyRunBody, response: Run, mutation: true, proxied: true }),
  endpoint({ id: 'submitToolOutputs', method: 'POST', path: `${RUN}/submit_tool_outputs`, body: SubmitToolOutputsBody, response: Run, mutation: true, streamable: true, proxied: true }),
  endpoint({ id: 'cancelRun', method: 'POST', path: `${RUN}/cancel`, body: null, response: Run, mutation: true, proxied: true }),
  endpoint({ id: 'listRunSteps', method: 'GET', path: `${RUN}/steps`, query: [...LIST_KEYS, ...INCLUDE_KEYS], querySchema: ListQuery.extend(IncludeQuery.shape), body: null, response: ListOf(RunStep), mutation: false, proxied: true }),
  endpoint({ id: 'getRunStep', method: 'GET', path: `${RUN}/steps/{step_id}`, query: INCLUDE_KEYS, querySchema: IncludeQuery, body: null, response: RunStep, mutation: false, proxied: true }),
  // Read endpoints the dashboard needs (proxied)
  endpoint({ id: 'getThread', method: 'GET', path: '/threads/{thread_id}', body: null, response: Thread, mutation: false, proxied: true }),
  endpoint({ id: 'listMessages', method: 'GET', path: '/threads/{thread_id}/messages', query: [...LIST_KEYS, 'run_id'], querySchema: ListMessagesQuery, body: null, response: ListOf(Message), mutation: false, proxied: true }),
  endpoint({ id: 'getMessage', method: 'GET', path: '/threads/{thread_id}/messages/{message_id}', body: null, response: Message, mutation: false, proxied: true }),
  endpoint({ id: 'listAssistants', method: 'GET', path: '/assistants', query: LIST_KEYS, querySchema: ListQuery, body: null, response: ListOf(Assistant), mutation: false, proxied: true }),
  endpoint({ id: 'getAssistant', method: 'GET', path: '/assistants/{assistant_id}', body: null, response: Assistant, mutation: false, proxied: true }),
  endpoint({ id: 'getFile', method: 'GET', path: '/files/{file_id}', body: null, response: OpenAIFile, mutation: false, proxied: true }),
  endpoint({ id: 'getFileContent', method: 'GET', path: '/files/{file_id}/content', body: null, response: null, mutation: false, proxied: true }),
  // Emulator only (seeding, SDK tests); not forwarded by the proxy.
  endpoint({ id: 'createAssistant', method: 'POST', path: '/assistants', body: CreateAssistantBody, response: Assistant, mutation: true }),
  endpoint({ id: 'createThread', method: 'POST', path: '/threads', body: CreateThreadBody, response: Thread, mutation: true }),
  endpoint({ id: 'modifyThread', method: 'POST', path: '/threads/{thread_id}', body: ModifyThreadBody, response: Thread, mutation: true }),
  endpoint({ id: 'deleteThread', method: 'DELETE', path: '/threads/{thread_id}', body: null, response: ThreadDeleted, mutation: true }),
  endpoint({ id: 'createMessage', method: 'POST', path: '/threads/{thread_id}/messages', body: CreateMessageBody, response: Message, mutation: true }),
] as const satisfies readonly Endpoint[];

export type EndpointId = (typeof ENDPOINTS)[number]['id'];

export function getEndpoint(id: EndpointId): Endpoint {
  const found = ENDPOINTS.find((e) => e.id === id);
  if (!found) throw new Error(`unknown endpoint ${id}`);
  return found;
}

export type MatchResult =
  | { ok: true; endpoint: Endpoint; params: Record<string, string> }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'method_not_allowed'; allowed: HttpMethod[] }
  | { ok: false; reason: 'bad_id'; param: string; value: string; expectedPrefix: string; endpoint: Endpoint };

const compiled = ENDPOINTS.map((e) => ({
  endpoint: e as Endpoint,
  segments: e.path.split('/').slice(1),
  literalCount: e.path.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
}));

/**
 * Finds the endpoint for a method and a pathname relative to the API base (e.g.
 * '/threads/thread_1/runs'; strip '/v1' or '/api/v1' first, no query string). Segments are taken
 * raw (still percent-encoded) so `%2F` or `..` can never become a path separator: ids must match
 * ID_PATTERN and carry their prefix, else `bad_id` naming the param (the API answers 400
 * "Invalid 'thread_id': ... Expected an ID that begins with 'thread'."). Literal segments win
 * over params (`POST /threads/runs` is createThreadAndRun, not a thread called "runs").
 */
export function matchEndpoint(method: string, pathname: string): MatchResult {
  const m = method.toUpperCase();
  if (!pathname.startsWith('/')) return { ok: false, reason: 'not_found' };
  const parts = pathname.split('/').slice(1);
  const shaped = compiled.filter(
    (c) =>
      c.segments.length === parts.length &&
      c.segments.every((seg, i) => seg.startsWith('{') || seg === parts[i]),
  );
  if (shaped.length === 0) return { ok: false, reason: 'not_found' };
  const withMethod = shaped.filter((c) => c.endpoint.method === m).sort((a, b) => b.literalCount - a.literalCount);
  const best = withMethod[0];
  if (!best) {
    const allowed = [...new Set(shaped.map((c) => c.endpoint.method))];
    return { ok: false, reason: 'method_not_allowed', allowed };
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < best.segments.length; i++) {
    const seg = best.segments[i] ?? '';
    if (!seg.startsWith('{')) continue;
    const name = seg.slice(1, -1) as PathParamName;
    const value = parts[i] ?? '';
    const expectedPrefix = PATH_PARAM_PREFIXES[name];
    if (!ID_PATTERN.test(value) || !value.startsWith(expectedPrefix)) {
      return { ok: false, reason: 'bad_id', param: name, value, expectedPrefix, endpoint: best.endpoint };
    }
    params[name] = value;
  }
  return { ok: true, endpoint: best.endpoint, params };
}

/** Message in the API's words for a bad path id (value truncated so logs stay small). */
export function badIdMessage(param: string, value: string, expectedPrefix: string): string {
  const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
  return `Invalid '${param}': '${shown}'. Expected an ID that begins with '${expectedPrefix.replace(/[_-]$/, '')}'.`;
}
