import 'server-only';
import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth';
import { ssoConfig, ssoProviderConfig } from './sso';

// OpenID Connect providers for the genericOAuth plugin: the one RUNBOARD_OIDC_* provider (lib/auth/sso.ts), or none
// (the plugin stays, its tables are in migration 0003, but it offers nothing).
export function oidcProviderConfigs(): GenericOAuthConfig[] {
  const config = ssoConfig();
  return config ? [ssoProviderConfig(config)] : [];
}
