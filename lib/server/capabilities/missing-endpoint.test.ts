import { describe, expect, it } from 'vitest';
import { isMissingEndpoint, isMissingObject } from './missing-endpoint';

describe('isMissingEndpoint', () => {
  it('reads a framework 404 as a missing endpoint', () => {
    expect(isMissingEndpoint(404, { message: 'Route GET:/v1/threads/thread_x/runs not found', error: 'Not Found', statusCode: 404 })).toBe(true);
    expect(isMissingEndpoint(404, 'Cannot GET /v1/threads/x/runs')).toBe(true);
    expect(isMissingEndpoint(404, '404 page not found')).toBe(true);
    expect(isMissingEndpoint(404, null)).toBe(true);
  });

  it("reads OpenAI's unknown-URL envelope as a missing endpoint", () => {
    expect(isMissingEndpoint(404, { error: { message: 'Invalid URL (GET /v1/threads)', type: 'invalid_request_error' } })).toBe(true);
  });

  it('reads a missing object as a missing object, never as a missing endpoint', () => {
    expect(isMissingEndpoint(404, { error: { message: "No run found with id 'run_abc'.", type: 'invalid_request_error' } })).toBe(false);
    expect(isMissingEndpoint(404, { error: { message: "No run step found with id 'step_abc'." } })).toBe(false);
    expect(isMissingEndpoint(404, { message: 'Thread thread_x not found', statusCode: 404 })).toBe(false);
  });

  it('treats 405 and 501 as missing endpoints and other statuses as neither', () => {
    expect(isMissingEndpoint(405, { error: { message: 'Method not allowed' } })).toBe(true);
    expect(isMissingEndpoint(501, null)).toBe(true);
    expect(isMissingEndpoint(400, null)).toBe(false);
    expect(isMissingEndpoint(500, { message: 'Route x not found' })).toBe(false);
  });
});

describe('isMissingObject', () => {
  it('is true only for a 404 that names the missing object', () => {
    expect(isMissingObject(404, { error: { message: "No thread found with id 'thread_x'." } })).toBe(true);
    expect(isMissingObject(404, { message: 'Route GET:/v1/threads/x/runs not found' })).toBe(false);
    expect(isMissingObject(400, { error: { message: "No thread found with id 'thread_x'." } })).toBe(false);
  });
});
