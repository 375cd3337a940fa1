import { describe, expect, it } from 'vitest';
import { ConfigError, parseUpstreamEnv } from '@/lib/upstream/config';
import { authHeaders, connectionFromEnv, maskKey } from '@/lib/upstream/connection';
import { getServerEnv } from '@/lib/server/env';

function problems(env: Record<string, string>): string[] {
  try {
    parseUpstreamEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('upstream env config', () => {
  it('treats empty strings as unset and applies defaults', () => {
    const env = parseUpstreamEnv({ OPENAI_BASE_URL: '', OPENAI_API_KEY: '  ', RUNBOARD_UPSTREAM_TIMEOUT_MS: '' });
    expect(env.OPENAI_BASE_URL).toBeUndefined();
    expect(env.RUNBOARD_UPSTREAM_TIMEOUT_MS).toBe(30_000);
    expect(env.OPENAI_AUTH_HEADER).toBe('bearer');
    expect(connectionFromEnv(env)).toBeNull();
  });

  it('files the upstream under RUNBOARD_CONNECTION_ID, else under "default"', () => {
    const base = { OPENAI_BASE_URL: 'https://facade.example.com/v1', OPENAI_API_KEY: 'sk-test-1234567890' };
    expect(connectionFromEnv(parseUpstreamEnv(base))?.id).toBe('default');
    expect(connectionFromEnv(parseUpstreamEnv({ ...base, RUNBOARD_CONNECTION_ID: 'eu-staging' }))?.id).toBe('eu-staging');
    expect(problems({ ...base, RUNBOARD_CONNECTION_ID: 'EU staging' })).toEqual([expect.stringMatching(/^RUNBOARD_CONNECTION_ID must be 1-64 lower-case letters/)]);
  });

  it('names each bad variable with what is expected', () => {
    const found = problems({
      OPENAI_BASE_URL: 'ftp://example.com',
      OPENAI_AUTH_HEADER: 'basic',
      RUNBOARD_UPSTREAM_TIMEOUT_MS: 'soon',
      OPENAI_API_VERSION: 'a b',
    });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^OPENAI_BASE_URL must use http or https/),
        expect.stringMatching(/^OPENAI_AUTH_HEADER must be "bearer".*"api-key"/),
        expect.stringMatching(/^RUNBOARD_UPSTREAM_TIMEOUT_MS must be a whole number between 100 and 600000 \(got "soon"\)/),
        expect.stringMatching(/^OPENAI_API_VERSION must look like/),
        expect.stringMatching(/^OPENAI_API_KEY is required when OPENAI_BASE_URL is set/),
      ]),
    );
  });

  it('rejects credentials in the base URL and never echoes the key', () => {
    const found = problems({ OPENAI_BASE_URL: 'https://user:pw@example.com/v1', OPENAI_API_KEY: 'sk secret with spaces' });
    expect(found.join('\n')).toMatch(/must not contain credentials/);
    expect(found.join('\n')).toMatch(/^OPENAI_API_KEY must be printable ASCII/m);
    expect(found.join('\n')).not.toContain('secret with spaces');
  });

  it('builds an Azure-style connection whose key is hidden from JSON', () => {
    const env = parseUpstreamEnv({
      OPENAI_BASE_URL: 'https://res.openai.azure.com/openai/',
      OPENAI_API_KEY: 'azure-key-1234567890abcd',
      OPENAI_AUTH_HEADER: 'API-KEY',
      OPENAI_API_VERSION: '2025-04-01-preview',
      OPENAI_ORG_ID: 'org_1',
    });
    const connection = connectionFromEnv(env);
    expect(connection).not.toBeNull();
    expect(connection!.baseUrl).toBe('https://res.openai.azure.com/openai');
    expect(connection!.apiKey).toBe('azure-key-1234567890abcd');
    expect(JSON.stringify(connection)).not.toContain('azure-key');
    expect({ ...connection }).not.toHaveProperty('apiKey');
    expect(authHeaders(connection!)).toMatchObject({ 'api-key': 'azure-key-1234567890abcd', 'OpenAI-Organization': 'org_1' });
    expect(authHeaders(connection!)).not.toHaveProperty('Authorization');
    expect(maskKey('azure-key-1234567890abcd')).toBe('…abcd');
    expect(maskKey('short')).toBe('…');
  });

  it('server settings: one parser for every variable, blanks are unset, numbers name their range, secrets never echoed', () => {
    const env = getServerEnv({ RUNBOARD_POLL_CACHE_MS: ' 250 ', EMULATOR_PORT: '', EMULATOR_PROFILE: '  ' });
    expect(env).toMatchObject({ RUNBOARD_POLL_CACHE_MS: 250, EMULATOR_PORT: 4010, EMULATOR_PROFILE: 'full' });
    let found: string[] = [];
    try {
      getServerEnv({ RUNBOARD_FILE_MAX_BYTES: '12', EMULATOR_API_KEY: 'has a space secret' });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      found = error.problems;
    }
    expect(found).toEqual([
      'RUNBOARD_FILE_MAX_BYTES must be at least 1024 (got "12")',
      'EMULATOR_API_KEY must be 8-512 printable ASCII characters without spaces',
    ]);
  });
});
