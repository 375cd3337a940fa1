import { afterEach, describe, expect, it } from 'vitest';
import { log, setLogSink } from '@/lib/server/log';
import { REDACTED, redact, redactString, registerSecret } from '@/lib/server/redact';

afterEach(() => setLogSink(null));

describe('redact', () => {
  it('blanks secret-named keys at any depth, whatever the value', () => {
    const out = redact({
      headers: { Authorization: 'Bearer abc', cookie: 'sid=1', 'api-key': 'k', accept: 'application/json' },
      nested: [{ client_secret: 's', access_token: 't', total_tokens: 12, apiKey: 'zzz' }],
    }) as Record<string, any>;
    expect(out.headers).toEqual({ Authorization: REDACTED, cookie: REDACTED, 'api-key': REDACTED, accept: 'application/json' });
    expect(out.nested[0]).toEqual({ client_secret: REDACTED, access_token: REDACTED, total_tokens: 12, apiKey: REDACTED });
  });

  it('removes registered secret values and token shapes from free text', () => {
    registerSecret('rb-emu-known-secret-value');
    expect(redactString('upstream said: key rb-emu-known-secret-value is wrong')).toBe(`upstream said: key ${REDACTED} is wrong`);
    expect(redactString('sent Authorization: Bearer sk-live-abcdefgh1234')).not.toMatch(/abcdefgh1234/);
    expect(redactString('https://h/x?api-key=abc123&limit=2')).toBe(`https://h/x?api-key=${REDACTED}&limit=2`);
    expect(redactString('id run_abc and thread_def stay')).toBe('id run_abc and thread_def stay');
    // DATABASE_URL credentials, e.g. in a connection error.
    expect(redactString('cannot reach postgres://runboard:s3cr3t-pw@db:5432/rb')).toBe(`cannot reach postgres://runboard:${REDACTED}@db:5432/rb`);
  });

  it('turns errors into name/message/code and survives cycles', () => {
    const error = Object.assign(new Error('failed with sk-abcdefghijkl'), { code: 'ECONNRESET' });
    const cyclic: Record<string, unknown> = { error };
    cyclic.self = cyclic;
    const out = redact(cyclic) as Record<string, any>;
    expect(out.error).toEqual({ name: 'Error', message: `failed with sk-${REDACTED}`, code: 'ECONNRESET' });
    expect(out.self).toBe('[circular]');
  });

  it('log lines are single JSON objects with secrets removed', () => {
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    registerSecret('super-secret-upstream-key');
    log('info', 'test.event', { note: 'key super-secret-upstream-key leaked?', authorization: 'Bearer x' });
    expect(lines).toHaveLength(1);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed).toMatchObject({ level: 'info', event: 'test.event', authorization: REDACTED });
    expect(lines[0]).not.toContain('super-secret-upstream-key');
  });
});
