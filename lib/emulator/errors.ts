/**
 * Errors in the API's envelope: `{ error: { message, type, param, code } }`. Handlers throw
 * `EmulatorError`; the server turns it into the response. Message texts copy what the real
 * service sends (the API reference's run status rules and error bodies) so client code written against the
 * emulator handles the real thing.
 */
import { badIdMessage } from '../contract';

export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const badRequest = (message: string, param: string | null = null, code: string | null = null) =>
  new EmulatorError(400, message, 'invalid_request_error', param, code);

/** What the API calls each object in "No <noun> found with id '<id>'." */
export type NotFoundKind = 'assistant' | 'thread' | 'message' | 'run' | 'step' | 'file';
const NOUN: Record<NotFoundKind, string> = {
  assistant: 'assistant',
  thread: 'thread',
  message: 'message',
  run: 'run',
  step: 'run step',
  file: 'file',
};

export function notFound(kind: NotFoundKind, id: string): EmulatorError {
  // The Files API words it differently from the Assistants family.
  if (kind === 'file') return new EmulatorError(404, `No such File object: ${id}`, 'invalid_request_error', 'id');
  return new EmulatorError(404, `No ${NOUN[kind]} found with id '${id}'.`);
}

export function unknownUrl(method: string, path: string): EmulatorError {
  return new EmulatorError(404, `Invalid URL (${method} ${path})`);
}

export function methodNotAllowed(method: string, path: string, allow: string[]): EmulatorError {
  return new EmulatorError(405, `Invalid method for URL (${method} ${path})`, 'invalid_request_error', null, null, {
    allow: allow.join(', '),
  });
}

export const missingApiKey = () =>
  new EmulatorError(
    401,
    "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    'invalid_request_error',
    null,
    'invalid_api_key',
  );

/** Never echoes any part of the key: keys must not appear in responses or logs. */
export const wrongApiKey = () =>
  new EmulatorError(
    401,
    'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
    'invalid_request_error',
    null,
    'invalid_api_key',
  );

export function invalidBeta(sent: string | undefined): EmulatorError {
  const message =
    sent && /assistants=v1/.test(sent)
      ? "The v1 Assistants API has been deprecated. Please try again by setting the header 'OpenAI-Beta: assistants=v2'."
      : "You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try again by setting the header 'OpenAI-Beta: assistants=v2'.";
  return new EmulatorError(400, message, 'invalid_request_error', null, 'invalid_beta');
}

export const malformedJson = () =>
  new EmulatorError(
    400,
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
  );

export function badIdPrefix(param: string, value: string, prefix: string): EmulatorError {
  return badRequest(badIdMessage(param, value, prefix), param, 'invalid_value');
}

export const internalError = () =>
  new EmulatorError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error');
