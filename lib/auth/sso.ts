import 'server-only';
import type { BetterAuthOptions } from 'better-auth';
import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth';
import { parseOidcConfig, type OidcConfig } from './oidc-config';
import { decideSsoUser } from './sso-rules';

// Single sign-on wiring for better-auth: the genericOAuth plugin (discovery, authorization code + PKCE, ID token
// checked against the provider's keys and nonce) plus one `validateUserInfo` gate that applies Runboard's rules —
// allowed email domains at every SSO sign-in, and the role from the claim mapping when SSO creates the account.

export const SSO_PROVIDER_ID = 'sso';

/** The SSO settings (validated; throws ConfigError), or null when SSO is off. */
export function ssoConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  return parseOidcConfig(env);
}

/** The genericOAuth provider entry for the configured issuer. */
export function ssoProviderConfig(config: OidcConfig): GenericOAuthConfig {
  return {
    providerId: SSO_PROVIDER_ID,
    name: config.displayName,
    discoveryUrl: config.discoveryUrl,
    requireIdTokenVerification: true,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    scopes: ['openid', 'email', 'profile'],
    pkce: true,
  };
}

type ValidateUserInfo = NonNullable<NonNullable<BetterAuthOptions['user']>['validateUserInfo']>;

/**
 * Runs for every account creation and provider sign-in; acts only on our SSO provider. A refusal reaches the sign-in
 * page as `?error=sso_not_allowed&error_description=…`.
 */
export function ssoUserGate(config: OidcConfig): ValidateUserInfo {
  return ({ user, source }) => {
    if (source.method !== 'oauth' || source.oauth?.providerId !== SSO_PROVIDER_ID) return;
    const claims = { ...source.oauth.profile, email: source.oauth.profile?.email ?? user.email };
    const decision = decideSsoUser(claims, config);
    if (!decision.allowed) return { error: 'sso_not_allowed', errorDescription: `Single sign-on refused: ${decision.reason}.` };
    // better-auth creates the user from this very object after the gate; the admin plugin only fills a missing role.
    if (source.action === 'create-user') user.role = decision.role;
  };
}
