import OpenAI, { AuthenticationError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, setActive } from '@/lib/auth/people';
import { createPersonalToken, revokeToken } from '@/lib/auth/tokens';
import { GET } from '@/app/api/v1/[...path]/route';
import { ORIGIN } from './support/harness';
import { startSdkWorld, type SdkWorld } from './support/sdk';

// The official SDK's identity through the proxy: the suites run it with a personal token (support/sdk.ts); here the
// same SDK without one, with a made-up one, a revoked one, and one whose owner was deactivated gets 401 — and the
// upstream never hears of any of them.

let world: SdkWorld;
beforeAll(async () => {
  world = await startSdkWorld();
});
afterAll(() => world.close());

// Straight into the proxy's GET export, with only what the SDK sends (the harness's proxyFetch would add the admin's
// session cookie to a request without an rb_ token).
const bareFetch: typeof fetch = async (input, init) => GET(new Request(input, init));
const sdk = (apiKey: string) => new OpenAI({ apiKey, baseURL: `${ORIGIN}/api/v1`, fetch: bareFetch, maxRetries: 0 });

async function expect401(client: OpenAI, message: RegExp) {
  await world.emulator.clearRequests();
  const error = await client.beta.assistants.list({ limit: 1 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  expect((error as AuthenticationError).status).toBe(401);
  expect((error as AuthenticationError).message).toMatch(message);
  expect(await world.emulator.apiRequests()).toEqual([]);
}

describe('the official SDK without a valid personal token', () => {
  it('works with the suite token (the baseline the refusals are measured against)', async () => {
    const page = await world.client.beta.assistants.list({ limit: 1 });
    expect(page.data).toHaveLength(1);
  });

  it('gets 401 with a placeholder key or a made-up rb_ token, nothing forwarded', async () => {
    await expect401(sdk('sk-placeholder-not-a-token'), /Sign in to Runboard, or send a personal API token/);
    await expect401(sdk(`rb_${'x'.repeat(64)}`), /unknown, expired or revoked/);
  });

  it('gets 401 from the next request on once the token is revoked or its owner deactivated', async () => {
    const { user, temporaryPassword } = await createPerson({ email: 'script-owner@proxy.test', role: 'operator', method: 'password' });
    expect(temporaryPassword).not.toBeNull();
    const first = await createPersonalToken({ userId: user.id, name: 'first' });
    const second = await createPersonalToken({ userId: user.id, name: 'second' });
    expect((await sdk(first.secret).beta.assistants.list({ limit: 1 })).data).toHaveLength(1);
    await revokeToken(first.token.id);
    await expect401(sdk(first.secret), /unknown, expired or revoked/);

    expect((await sdk(second.secret).beta.assistants.list({ limit: 1 })).data).toHaveLength(1);
    await setActive(user.id, false);
    await expect401(sdk(second.secret), /unknown, expired or revoked/);
  });
});
