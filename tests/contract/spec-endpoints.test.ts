/**
 * The endpoint table (lib/contract/endpoints.ts) against the spec's `paths`: every endpoint we
 * serve or proxy exists there with the same method, path params and query keys, and the
 * schema names tests/support/spec.ts uses for each are the ones the spec declares.
 */
import { describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/contract';
import { SPEC_REQUEST_SCHEMA, SPEC_RESPONSE_SCHEMA, loadSpec } from '@/tests/support/spec';

interface SpecOperation {
  operationId: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

function operation(method: string, path: string): SpecOperation | undefined {
  return loadSpec().paths[path]?.[method.toLowerCase()] as SpecOperation | undefined;
}

const refName = (ref: string | undefined) => ref?.replace('#/components/schemas/', '');

/** Our ids are operationIds, except the spec's typo. */
const OPERATION_ID: Record<string, string> = { submitToolOutputs: 'submitToolOuputsToRun', getFile: 'retrieveFile', getFileContent: 'downloadFile' };

describe.each(ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const))('%s', (_label, endpoint) => {
  const op = operation(endpoint.method, endpoint.path);

  it('exists in the spec with the expected operationId', () => {
    expect(op?.operationId).toBe(OPERATION_ID[endpoint.id] ?? endpoint.id);
  });

  it('declares the same path params and query keys', () => {
    const params = op?.parameters ?? [];
    expect(params.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(Object.keys(endpoint.params));
    // We additionally accept a bare `include` leniently (SDKs differ); the spec knows `include[]`.
    const ours = endpoint.query.filter((k) => k !== 'include');
    expect(params.filter((p) => p.in === 'query').map((p) => p.name).sort()).toEqual([...ours].sort());
  });

  it('uses the spec schema names of its request body and JSON response', () => {
    const reqRef = refName(op?.requestBody?.content?.['application/json']?.schema?.$ref);
    expect(reqRef).toBe((SPEC_REQUEST_SCHEMA as Record<string, string>)[endpoint.id]);
    expect(endpoint.body === null).toBe(reqRef === undefined);
    const resRef = refName(op?.responses?.['200']?.content?.['application/json']?.schema?.$ref);
    expect(resRef).toBe((SPEC_RESPONSE_SCHEMA as Record<string, string>)[endpoint.id]);
  });
});

it('the spec has no list-threads and no thread-less run endpoint (so neither do we)', () => {
  expect(operation('GET', '/threads')).toBeUndefined();
  expect(Object.keys(loadSpec().paths).some((p) => p.startsWith('/runs'))).toBe(false);
});
